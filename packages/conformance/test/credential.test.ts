import {
  authCodeMachine,
  toView,
  type AuthCodeHost,
  type AuthCodeInput,
  type AuthCodeSnapshot,
  type GetAuthCodeSuccessResult,
} from '@authcode/core';
import { createSimulatedHost } from '@authcode/core/testing';
import { createActor, type InspectionEvent } from 'xstate';
import { afterAll, describe, expect, it } from 'vitest';
import { actorFlow } from '../src/coreDriver';
import { createStatusLog } from '../src/driver';
import { scenarios, type Scenario } from '../src/scenarios';
import { createExchange } from '@authcode/core/exchange';

/**
 * Issue 9: with no masking configured, no serialized form of a flow holds the raw code. Every
 * conformance scenario (plus exchanges that echo the code, time out or come too late) runs on the
 * bare core with an inspector; every snapshot, persisted snapshot, inspection event and error is
 * serialized twice, with JSON.stringify (which honours toJSON) and with a walk of own properties
 * (which does not, as some serializers), and searched for every code the host issued.
 */

/** JSON with actor refs named by their session id and cycles cut, as an inspector sends them. */
function toJson(value: unknown): string {
  const onPath: object[] = [];
  return JSON.stringify(value, function (this: unknown, _key, field: unknown) {
    if (typeof field !== 'object' || field === null) return field;
    if ('sessionId' in field && 'send' in field) return `actor ${String(field.sessionId)}`;
    while (onPath.length > 0 && onPath[onPath.length - 1] !== this) onPath.pop();
    if (onPath.includes(field)) return '[cycle]';
    onPath.push(field);
    return field;
  });
}

/**
 * Every string reachable through own properties, enumerable or not, without calling getters or
 * toJSON: what a structured clone or a naive deep serializer could reach.
 */
function ownStrings(value: unknown, seen = new Set<object>(), out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
    return out;
  seen.add(value);
  if ('sessionId' in value && 'send' in value) return out; // an actor ref: the system, not data
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) ownStrings(descriptor.value, seen, out);
  }
  return out;
}

const totals = { snapshots: 0, persisted: 0, inspectionEvents: 0, errors: 0, occurrences: 0, rawInViews: 0 };

function occurrences(texts: readonly string[], codes: readonly string[]): number {
  let count = 0;
  for (const text of texts) for (const code of codes) count += text.split(code).length - 1;
  return count;
}

/** A host that records every code it hands out, around the scenario's own host. */
function recordingHost(inner: AuthCodeHost | undefined, codes: string[]): AuthCodeHost | undefined {
  if (!inner) return inner;
  const record = (payload: GetAuthCodeSuccessResult | undefined) => {
    if (typeof payload?.authCode === 'string') codes.push(payload.authCode);
  };
  return {
    getAuthCode: (options) =>
      inner.getAuthCode({
        ...options,
        success: (payload) => (record(payload), options.success?.(payload)),
        complete: (payload) => (record(payload as GetAuthCodeSuccessResult), options.complete?.(payload)),
      }),
  };
}

/** The core driver with everything a user could serialize collected on the way. */
function mountWatched(input: AuthCodeInput<unknown>, codes: string[]) {
  const check = (texts: string[], what: keyof typeof totals) => {
    totals[what]++;
    const found = occurrences(texts, codes);
    totals.occurrences += found;
    expect(found, `${what}: ${texts.join(' ').slice(0, 300)}`).toBe(0);
  };
  const inspect = (event: InspectionEvent) => {
    const { event: received, snapshot } = event as { event?: unknown; snapshot?: unknown };
    check([toJson(event), ...ownStrings({ received, snapshot })], 'inspectionEvents');
  };
  // The scenarios give host objects, never a function chosen per request.
  const watched = { ...input, host: recordingHost(input.host as AuthCodeHost | undefined, codes) };
  const actor = createActor(authCodeMachine, { input: watched, inspect });
  const log = createStatusLog();
  const checkSnapshot = (snapshot: AuthCodeSnapshot) => {
    check([toJson(snapshot), ...ownStrings(snapshot)], 'snapshots');
    const persisted = actor.getPersistedSnapshot();
    check([JSON.stringify(persisted), ...ownStrings(persisted)], 'persisted');
    const view = toView(snapshot);
    if (view.error)
      check([view.error.message, JSON.stringify(view.error), ...ownStrings(view.error)], 'errors');
    if (view.authCode !== undefined && codes.includes(view.authCode)) totals.rawInViews++;
    log.record(view.status);
  };
  actor.subscribe(checkSnapshot);
  actor.start();
  checkSnapshot(actor.getSnapshot());
  const flow = actorFlow(actor, log.statuses);
  return { actor, flow };
}

const echoingExchanges: Scenario[] = [
  {
    name: 'an exchange that rejects with the code in its message',
    input: () => ({
      host: createSimulatedHost(),
      scopes: ['USER_LOGIN_ID'],
      exchange: createExchange(async (grant) => {
        throw new Error(`bad code ${grant.authCode}`);
      }),
    }),
    run: (flow) => flow.request(),
    statuses: [],
    check: (view) => expect(view.error?.kind).toBe('exchange'),
  },
  {
    name: 'an exchange that rejects with a string and an object holding the code',
    input: () => {
      let calls = 0;
      return {
        host: createSimulatedHost(),
        scopes: ['USER_LOGIN_ID'],
        exchange: createExchange((grant) =>
          Promise.reject(calls++ === 0 ? `code ${grant.authCode} used` : { detail: grant.authCode }),
        ),
      };
    },
    run: async (flow) => {
      await flow.request();
      flow.retry();
      return flow.request();
    },
    statuses: [],
    check: (view) => expect(view.error?.kind).toBe('exchange'),
  },
  {
    name: 'an exchange that times out',
    input: () => ({
      host: createSimulatedHost(),
      scopes: ['USER_LOGIN_ID'],
      exchangeTimeoutMs: 5,
      exchange: createExchange(() => new Promise(() => {})),
    }),
    run: (flow) => flow.request(),
    statuses: [],
    check: (view) => expect(view.error?.kind).toBe('exchange-timeout'),
  },
  {
    name: 'a code that expires',
    input: () => ({ host: createSimulatedHost(), scopes: ['USER_LOGIN_ID'], codeLifetimeMs: 5 }),
    run: async (flow) => {
      await flow.request();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return flow.view();
    },
    statuses: [],
    check: (view) => expect(view.error?.kind).toBe('expired'),
  },
];

describe('no serialized form of a flow holds the raw code (no masking configured)', () => {
  afterAll(() => {
    process.stdout.write(
      `credential check: ${totals.snapshots} snapshots, ${totals.persisted} persisted snapshots, ` +
        `${totals.inspectionEvents} inspection events, ${totals.errors} errors serialized; ` +
        `raw-code occurrences ${totals.occurrences}; raw code handed to views ${totals.rawInViews} times\n`,
    );
  });

  it.each([...scenarios, ...echoingExchanges].map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (_name, scenario) => {
      const codes: string[] = [];
      const { actor, flow } = mountWatched(scenario.input(), codes);
      const settled = await scenario.run(flow);
      scenario.check(flow.view(), settled);
      actor.stop();
      expect(totals.occurrences).toBe(0);
    },
  );

  it('handed the raw code to views on purpose (the check above is not vacuous)', () => {
    expect(totals.rawInViews).toBeGreaterThan(0);
    expect(totals.inspectionEvents).toBeGreaterThan(100);
  });
});
