import type { AuthCodeInput, AuthCodeStatus, AuthCodeView } from '@authcode/core';
import { createSimulatedHost, simulatedAnswers, type SimulatedAnswer } from '@authcode/core/testing';
import type { MountedFlow } from './driver';
import { createExchange } from '@authcode/core/exchange';

export interface Scenario {
  name: string;
  /** A fresh input per run: hosts keep state. */
  input(): AuthCodeInput<unknown>;
  /** Drives the mounted flow; returns the view the last request settled with, if it awaited one. */
  run(flow: MountedFlow): Promise<AuthCodeView | undefined>;
  /** The statuses a component must render, from mount to the end. */
  statuses: AuthCodeStatus[];
  /** Checks the last rendered view (and the settled one, when the scenario returns it). */
  check(view: AuthCodeView, settled: AuthCodeView | undefined): void;
}

const LOGIN = 'USER_LOGIN_ID';
const EMAIL = 'USER_CONTACTINFO_EMAIL';

/** Every scope the scenarios ask for: what a web-view responder running them must allow. */
export const scenarioScopes: readonly string[] = [LOGIN, EMAIL];

/** Answers call by call from a list, so a retry can meet a different host mood. */
function answersInTurn(...answers: SimulatedAnswer[]) {
  let call = 0;
  return () => answers[Math.min(call++, answers.length - 1)]!;
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function expectCode(view: AuthCodeView, present: boolean): void {
  if (present !== (typeof view.authCode === 'string' && view.authCode.length > 0)) {
    throw new Error(present ? 'expected an auth code in the view' : 'expected no auth code in the view');
  }
}

async function requestAndFlush(flow: MountedFlow, ...args: Parameters<MountedFlow['request']>) {
  const settled = await flow.request(...args);
  await flow.flush();
  return settled;
}

/** Waits until the flow renders `status` (or gives up after `ms`, leaving the check to fail). */
async function untilStatus(flow: MountedFlow, status: AuthCodeStatus, ms = 2000): Promise<void> {
  const start = Date.now();
  while (flow.view().status !== status && Date.now() - start < ms) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    await flow.flush();
  }
}

export const scenarios: Scenario[] = [
  {
    name: 'idle shows what will be asked',
    input: () => ({ host: createSimulatedHost(), scopes: [LOGIN, EMAIL, LOGIN], required: [LOGIN] }),
    run: async () => undefined,
    statuses: ['idle'],
    check(view) {
      expectEqual([view.scopes, view.requiredScopes], [[LOGIN, EMAIL], [LOGIN]], 'idle scopes');
    },
  },
  {
    name: 'full grant',
    input: () => ({ host: createSimulatedHost(), scopes: [LOGIN, EMAIL] }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'success'],
    check(view, settled) {
      expectCode(view, true);
      expectEqual(view.grantedScopes, [LOGIN, EMAIL], 'grantedScopes');
      expectEqual(settled?.status, 'success', 'settled status');
    },
  },
  {
    name: 'partial grant with an optional scope denied',
    input: () => ({
      host: createSimulatedHost({ answer: simulatedAnswers.grant({ [EMAIL]: '40006' }) }),
      scopes: [LOGIN, EMAIL],
      required: [LOGIN],
    }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'success'],
    check(view) {
      expectCode(view, true);
      expectEqual(view.grantedScopes, [LOGIN], 'grantedScopes');
      expectEqual(view.deniedScopes, { [EMAIL]: '40006' }, 'deniedScopes');
    },
  },
  {
    name: 'user declined (11)',
    input: () => ({ host: createSimulatedHost({ answer: simulatedAnswers.decline() }), scopes: [LOGIN] }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'failed'],
    check(view) {
      expectCode(view, false);
      expectEqual([view.error?.kind, view.error?.code], ['declined', '11'], 'error');
    },
  },
  {
    name: 'per-scope failure (40006)',
    input: () => ({
      host: createSimulatedHost({ answer: simulatedAnswers.deny({ [LOGIN]: '40006' }) }),
      scopes: [LOGIN],
    }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'failed'],
    check(view) {
      expectCode(view, false);
      expectEqual([view.error?.kind, view.error?.scopes], ['scope', { [LOGIN]: '40006' }], 'error');
    },
  },
  {
    name: 'timeout',
    input: () => ({
      host: createSimulatedHost({ answer: simulatedAnswers.silence() }),
      scopes: [LOGIN],
      timeoutMs: 30,
    }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'failed'],
    check(view) {
      expectEqual([view.error?.kind, view.error?.retryable], ['timeout', true], 'error');
    },
  },
  {
    name: 'cancel',
    input: () => ({ host: createSimulatedHost({ answer: simulatedAnswers.silence() }), scopes: [LOGIN] }),
    async run(flow) {
      const pending = flow.request();
      await flow.flush();
      flow.cancel();
      const settled = await pending;
      await flow.flush();
      return settled;
    },
    statuses: ['idle', 'consenting', 'idle'],
    check(view, settled) {
      expectEqual(settled?.status, 'idle', 'settled status');
      expectEqual([view.scopes, view.error], [[LOGIN], undefined], 'cleared flow');
    },
  },
  {
    name: 'retry after a decline',
    input: () => ({
      host: createSimulatedHost({
        answer: answersInTurn(simulatedAnswers.decline(), simulatedAnswers.grant()),
      }),
      scopes: [LOGIN],
    }),
    async run(flow) {
      await requestAndFlush(flow);
      flow.retry();
      await flow.flush();
      await untilStatus(flow, 'success');
      return undefined;
    },
    statuses: ['idle', 'consenting', 'failed', 'consenting', 'success'],
    check(view) {
      expectCode(view, true);
    },
  },
  {
    name: 'reset after success',
    input: () => ({ host: createSimulatedHost(), scopes: [LOGIN] }),
    async run(flow) {
      await requestAndFlush(flow);
      flow.reset();
      await flow.flush();
      return undefined;
    },
    statuses: ['idle', 'consenting', 'success', 'idle'],
    check(view) {
      expectCode(view, false);
      expectEqual([view.scopes, view.grantedScopes], [[LOGIN], []], 'cleared flow');
    },
  },
  {
    name: 'exchange success',
    input: () => ({
      host: createSimulatedHost(),
      scopes: [LOGIN],
      exchange: createExchange(async (grant) => ({ user: 'u-1', scopes: grant.grantedScopes })),
    }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'exchanging', 'success'],
    check(view) {
      expectCode(view, false);
      expectEqual(view.session, { user: 'u-1', scopes: [LOGIN] }, 'session');
    },
  },
  {
    name: 'exchange failure',
    input: () => ({
      host: createSimulatedHost(),
      scopes: [LOGIN],
      exchange: createExchange(async () => {
        throw new Error('EXPIRED_CODE');
      }),
    }),
    run: (flow) => requestAndFlush(flow),
    statuses: ['idle', 'consenting', 'exchanging', 'failed'],
    check(view) {
      expectCode(view, false);
      expectEqual(view.error?.kind, 'exchange', 'error kind');
    },
  },
];
