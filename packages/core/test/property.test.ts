import fc from 'fast-check';
import { createActor, type Actor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  AuthCodeError,
  authCodeMachine,
  DEFAULT_TIMEOUT_MS,
  toView,
  type AuthCodeErrorKind,
  type AuthCodeSnapshot,
  type AuthCodeStatus,
} from '../src/index';
import {
  callback,
  CODE_SLOT,
  HostilePayload,
  scenario,
  type CallbackSpec,
  type Scenario,
} from './model/arbitraries';
import {
  answerCall,
  createControllableExchange,
  createControllableHost,
  flushPromises,
  type RecordedCall,
} from './model/controllable';
import { createExchange } from '../src/exchange';

/** The states a snapshot may rest in: `resolving` is a transient choice, never seen from outside. */
const restingStates: readonly AuthCodeStatus[] = ['idle', 'consenting', 'exchanging', 'success', 'failed'];
const errorKinds: readonly AuthCodeErrorKind[] = [
  'invalid-request',
  'unavailable',
  'declined',
  'host',
  'scope',
  'timeout',
  'invalid-response',
  'exchange',
  'exchange-timeout',
  'expired',
];
/**
 * What the random runs reached, so a generator that stops reaching the interesting cases fails
 * instead of passing vacuously.
 */
const explored = {
  'first answer settled a call': 0,
  'late or second answer dropped': 0,
  'success with a code': 0,
  'success with a session': 0,
  timeout: 0,
  'stale exchange result dropped': 0,
  'hostile payload answered': 0,
};
type Exploration = keyof typeof explored;
const tally = (what: Exploration) => {
  explored[what]++;
};

const consoleMethods = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;

/** Unique per call and per answer of that call, and never a substring of another one. */
const codeOf = (call: number, answer: number) => `AUTHCODE_${call}_${answer}_Z`;

/** The payload with every CODE_SLOT replaced by `code` (a deep copy). */
function withCode(value: unknown, code: string): unknown {
  if (value === CODE_SLOT) return code;
  if (value instanceof HostilePayload) return value.build(code);
  if (Array.isArray(value)) return value.map((item) => withCode(item, code));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withCode(item, code)]));
  }
  return value;
}

/** What a late answer or a stale exchange result must leave untouched. */
const stateOf = (snapshot: AuthCodeSnapshot) =>
  JSON.stringify({ value: snapshot.value, context: snapshot.context });

let consoleSpies: MockInstance[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  consoleSpies = consoleMethods.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function expectConsoleUntouched() {
  for (const spy of consoleSpies) expect(spy, 'the library printed something').not.toHaveBeenCalled();
}

/** Runs one random scenario against a real actor and checks the invariants after every command. */
async function runScenario({ input, calls, commands }: Scenario): Promise<void> {
  const answersOf: number[] = [];
  /** Every code a host put in an answer, stale ones included. */
  const issued: string[] = [];
  const deliver = (call: RecordedCall, spec: CallbackSpec) => {
    const answer = answersOf[call.index] ?? 0;
    answersOf[call.index] = answer + 1;
    const code = codeOf(call.index, answer);
    issued.push(code);
    if (spec.payload instanceof HostilePayload) tally('hostile payload answered');
    answerCall(call, spec.via, withCode(spec.payload, code));
  };
  const host = createControllableHost((call) => {
    const behaviour = calls[call.index % calls.length]!;
    if (behaviour.kind === 'later') return;
    behaviour.callbacks.forEach((spec) => deliver(call, spec));
    if (behaviour.kind === 'throw') throw behaviour.error;
  });
  /** The code the current flow's host call gave first: the only one that may ever be visible. */
  const currentCode = () => codeOf(host.calls.length - 1, 0);

  const exchange = createControllableExchange();
  const exchanged: { code: string; expected: string }[] = [];

  // Set once createActor returns; inspection events arrive from inside createActor already.
  const root: { actor?: Actor<typeof authCodeMachine> } = {};
  let flowsStarted = 0;
  let exchangesStarted = 0;
  /** When the running flow opened its consent sheet, on the fake clock. */
  let consentingSince = 0;
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const seen: AuthCodeSnapshot[] = [];
  const actorErrors: unknown[] = [];
  root.actor = createActor(authCodeMachine, {
    input: {
      ...(input.withHost ? { host: host.host } : {}),
      ...(input.scopes ? { scopes: input.scopes } : {}),
      ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
      ...(input.exchange === 'none'
        ? {}
        : {
            exchange: createExchange((grant, context) => {
              exchanged.push({ code: grant.authCode, expected: currentCode() });
              if (input.exchange === 'throws') throw new Error('exchange threw');
              return exchange.exchange(grant, context);
            }),
          }),
    },
    inspect: (event) => {
      // XState reports a microstep for an ignored event too, with no transitions.
      if (
        event.type !== '@xstate.microstep' ||
        event.actorRef !== root.actor ||
        event._transitions.length === 0
      ) {
        return;
      }
      // Neither state has a transition to itself: each transition that lands there enters it.
      const { value } = event.snapshot as AuthCodeSnapshot;
      if (value === 'consenting') {
        flowsStarted++;
        consentingSince = Date.now();
      }
      if (value === 'exchanging') exchangesStarted++;
    },
  });
  const actor = root.actor;
  actor.subscribe({ next: (snapshot) => seen.push(snapshot), error: (error) => actorErrors.push(error) });
  actor.start();

  const checkInvariants = (where: string) => {
    for (const snapshot of [...seen.splice(0), actor.getSnapshot()]) {
      const { value, context, status } = snapshot;
      const view = toView(snapshot);
      expect(status, where).toBe('active');
      expect(restingStates, where).toContain(value);

      if (value === 'failed') {
        if (context.error?.kind === 'timeout') tally('timeout');
        expect(context.error, where).toBeInstanceOf(AuthCodeError);
        expect(errorKinds, where).toContain(context.error?.kind);
        expect(view.error, where).toBe(context.error);
      } else {
        expect(view.error, where).toBeUndefined();
      }

      if (view.authCode !== undefined) {
        tally('success with a code');
        expect(value, where).toBe('success');
        expect(view.authCode, where).toBe(currentCode());
      }
      if (context.authCode !== undefined) expect(['success', 'exchanging'], where).toContain(value);
      // The code is sealed: no serialized form of the flow holds it, in any state.
      const json = JSON.stringify([snapshot, actor.getPersistedSnapshot(), view.error]);
      for (const code of issued) expect(json.includes(code), `${where}: ${code} serialized`).toBe(false);
      if (input.exchange !== 'none' && value === 'success') {
        tally('success with a session');
        // Spent on the session: a code never outlives its exchange.
        expect(context.authCode, where).toBeUndefined();
      }
    }
    if (actor.getSnapshot().value === 'consenting' && timeoutMs > 0) {
      // The fake clock: a flow never waits for the host past its timeout.
      expect(Date.now() - consentingSince, `${where}: waiting past the timeout`).toBeLessThan(timeoutMs);
    }
    expect(host.calls.length, `${where}: one host call per started flow`).toBe(flowsStarted);
    expect(exchanged.length, `${where}: one exchange per grant`).toBe(exchangesStarted);
    for (const { code, expected } of exchanged) expect(code, where).toBe(expected);
    expect(actorErrors, where).toEqual([]);
    expectConsoleUntouched();
  };

  checkInvariants('start');
  for (const [index, command] of commands.entries()) {
    const where = `command ${index} ${JSON.stringify(command)}`;
    // Lets an exchange that threw or settled reach the actor before the next command.
    if (actor.getSnapshot().value === 'exchanging') await flushPromises();
    const before = actor.getSnapshot();

    switch (command.kind) {
      case 'send':
        expect(() => actor.send(command.event), where).not.toThrow();
        break;
      case 'advance':
        expect(() => vi.advanceTimersByTime(command.ms), where).not.toThrow();
        break;
      case 'answer': {
        const call = host.calls[host.calls.length - 1 - command.callsBack];
        if (!call) break;
        const live = command.callsBack === 0 && before.value === 'consenting';
        expect(() => deliver(call, command.callback), where).not.toThrow();
        // The first answer of the running call settles it; any other answer is dropped.
        if (live) {
          tally('first answer settled a call');
          expect(actor.getSnapshot().value, where).not.toBe('consenting');
        } else {
          tally('late or second answer dropped');
          expect(stateOf(actor.getSnapshot()), `${where}: late answer`).toBe(stateOf(before));
        }
        break;
      }
      case 'settle-exchange': {
        const pending = exchange.calls[exchange.calls.length - 1 - command.exchangesBack];
        if (!pending) break;
        const live = command.exchangesBack === 0 && before.value === 'exchanging';
        if (command.outcome === 'resolve') pending.resolve({ sessionId: `session-${index}` });
        else pending.reject(new Error('applyToken failed'));
        await flushPromises();
        if (live) {
          expect(actor.getSnapshot().value, where).not.toBe('exchanging');
        } else {
          tally('stale exchange result dropped');
          expect(stateOf(actor.getSnapshot()), `${where}: stale exchange`).toBe(stateOf(before));
        }
        break;
      }
    }
    checkInvariants(where);
  }

  actor.stop();
  // After the actor stopped (an unmount), hosts and exchanges may still answer: nothing may throw.
  for (const call of host.calls) {
    expect(() => deliver(call, { via: 'success', payload: { authCode: CODE_SLOT } })).not.toThrow();
  }
  for (const pending of exchange.calls) pending.resolve({ sessionId: 'after stop' });
  await flushPromises();
  expect(actorErrors).toEqual([]);
  expectConsoleUntouched();
}

describe('properties under random hosts and events', () => {
  it('keeps every invariant through random hosts, REQUEST/CANCEL/RETRY/RESET, timers and exchanges', async () => {
    await fc.assert(fc.asyncProperty(scenario, runScenario), { numRuns: 300 });
    process.stdout.write(
      `property exploration: ${Object.entries(explored)
        .map(([what, count]) => `${what} ${count}`)
        .join(', ')}\n`,
    );
    for (const [what, count] of Object.entries(explored))
      expect(count, `never reached: ${what}`).toBeGreaterThan(0);
    // Hundreds of random flows, some with 3,000-scope payloads: more than the default 5 s on a busy machine.
  }, 60_000);

  it('settles a running call on its first answer, whatever the payload', () => {
    const scopes = fc.uniqueArray(fc.constantFrom('USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL', 'auth_base'), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(scopes, callback, (requested, answer) => {
        const host = createControllableHost();
        const actor = createActor(authCodeMachine, { input: { host: host.host } }).start();
        actor.send({ type: 'REQUEST', scopes: requested });
        answerCall(host.calls[0]!, answer.via, withCode(answer.payload, codeOf(0, 0)));

        const view = toView(actor.getSnapshot());
        expect(['success', 'failed']).toContain(view.status);
        if (view.status === 'success') {
          // A success needs a code and every (here: every requested) scope granted.
          expect(answer.via).not.toBe('fail');
          expect(view.authCode).toBe(codeOf(0, 0));
          expect(view.grantedScopes).toEqual(expect.arrayContaining(requested));
        } else {
          expect(view.error).toBeInstanceOf(AuthCodeError);
          expect(['declined', 'host', 'scope', 'invalid-response']).toContain(view.error?.kind);
          expect(JSON.stringify(actor.getSnapshot().context)).not.toContain(codeOf(0, 0));
          if (view.error?.code !== undefined) expect(typeof view.error.code).toBe('string');
        }
        expect(host.calls).toHaveLength(1);
        actor.stop();
        expectConsoleUntouched();
      }),
      { numRuns: 500 },
    );
  });
});
