import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import {
  authCodeMachine,
  requestAuthCode,
  toView,
  type AuthCodeHost,
  type GetAuthCodeOptions,
} from '../src/index';
import { takeTurn } from '../src/superApp/hostTurns';
import { createScriptedHost } from '../src/testing';
import { LOGIN, startFlowActor } from './support/flows';

/** Lets handed-over turns (a promise job) start their calls. */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('one getAuthCode call per host at a time, across flows', () => {
  it('a second flow waits in consenting, then makes its own call and gets its own code', async () => {
    const manual = createScriptedHost();
    const first = startFlowActor({ host: manual, scopes: [LOGIN] });
    const second = startFlowActor({ host: manual, scopes: [LOGIN] });
    first.actor.send({ type: 'REQUEST' });
    second.actor.send({ type: 'REQUEST' });
    expect([first.view().status, second.view().status]).toEqual(['consenting', 'consenting']);
    expect(manual.calls).toHaveLength(1);

    manual.success({ authCode: 'FIRST-CODE-1' }, 0);
    expect(first.view().authCode).toBe('FIRST-CODE-1');
    expect(second.view().status).toBe('consenting');
    await flush();
    expect(manual.calls).toHaveLength(2);
    manual.success({ authCode: 'SECOND-CODE-2' }, 1);
    expect(second.view().authCode).toBe('SECOND-CODE-2');
  });

  it.each([
    ['cancelled', (actor: Actor<typeof authCodeMachine>) => actor.send({ type: 'CANCEL' })],
    ['reset', (actor: Actor<typeof authCodeMachine>) => actor.send({ type: 'RESET' })],
    ['stopped', (actor: Actor<typeof authCodeMachine>) => actor.stop()],
  ])('a waiting flow that is %s never calls the host', async (_name, leave) => {
    const manual = createScriptedHost();
    const first = startFlowActor({ host: manual, scopes: [LOGIN] });
    const waiting = startFlowActor({ host: manual, scopes: [LOGIN] });
    first.actor.send({ type: 'REQUEST' });
    waiting.actor.send({ type: 'REQUEST' });
    leave(waiting.actor);
    manual.success({ authCode: 'FIRST-CODE-1' }, 0);
    await flush();
    expect(manual.calls).toHaveLength(1);
  });

  it('a flow stopped in the same task its turn came never calls the host', async () => {
    const manual = createScriptedHost();
    const first = startFlowActor({ host: manual, scopes: [LOGIN] });
    const waiting = startFlowActor({ host: manual, scopes: [LOGIN] });
    first.actor.send({ type: 'REQUEST' });
    waiting.actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'FIRST-CODE-1' }, 0);
    waiting.actor.stop();
    await flush();
    expect(manual.calls).toHaveLength(1);
  });

  it("a waiting flow's own timeout counts from its REQUEST", async () => {
    const manual = createScriptedHost();
    const first = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 0 });
    const waiting = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 1000 });
    first.actor.send({ type: 'REQUEST' });
    waiting.actor.send({ type: 'REQUEST' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(waiting.view().error?.kind).toBe('timeout');
    manual.success({ authCode: 'FIRST-CODE-1' }, 0);
    await flush();
    expect(manual.calls).toHaveLength(1);
  });

  it.each([
    ['times out', { timeoutMs: 1000 }, async () => void (await vi.advanceTimersByTimeAsync(1000))],
    ['is cancelled', {}, undefined],
  ])(
    'a host that never answers does not block later flows: the holder ends its turn when it %s',
    async (_name, options, wait) => {
      const manual = createScriptedHost();
      const holder = startFlowActor({ host: manual, scopes: [LOGIN], ...options });
      const next = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 0 });
      holder.actor.send({ type: 'REQUEST' });
      next.actor.send({ type: 'REQUEST' });
      if (wait) await wait();
      else holder.actor.send({ type: 'CANCEL' });
      await flush();
      expect(manual.calls).toHaveLength(2);
      // The abandoned call's late answer goes nowhere; the new call's answer reaches its own flow.
      manual.success({ authCode: 'LATE-CODE-1' }, 0);
      expect(next.view().status).toBe('consenting');
      manual.success({ authCode: 'NEXT-CODE-2' }, 1);
      expect(next.view().authCode).toBe('NEXT-CODE-2');
    },
  );

  it('concurrent requestAuthCode calls on one host take turns and each get their own code', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let issued = 0;
    const host: AuthCodeHost = {
      getAuthCode(options) {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        const code = `CODE-${issued++}-Z`;
        setTimeout(() => {
          inFlight--;
          options.success?.({ authCode: code });
        }, 10);
      },
    };
    const results = Promise.all(Array.from({ length: 5 }, () => requestAuthCode({ host, scopes: [LOGIN] })));
    await vi.runAllTimersAsync();
    const codes = (await results).map((result) => result.authCode);
    expect(new Set(codes).size).toBe(5);
    expect(maxInFlight).toBe(1);
  });
});

let maxObserved = 0;
let callsObserved = 0;
afterAll(() => {
  process.stdout.write(
    `host turns: max getAuthCode calls in flight on one host ${maxObserved} (${callsObserved} calls)\n`,
  );
});

type Op =
  | { kind: 'request' | 'cancel' | 'reset' | 'stop' | 'retry'; flow: number }
  | { kind: 'answer'; via: 'success' | 'fail' }
  | { kind: 'advance'; ms: number };

const op = (flows: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constantFrom('request', 'request', 'request', 'request', 'cancel', 'reset', 'retry', 'stop'),
        flow: fc.nat(flows - 1),
      }) as fc.Arbitrary<Op>,
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('answer' as const), via: fc.constantFrom('success', 'fail') }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 400, 1000) }),
    },
  ) as fc.Arbitrary<Op>;

describe('property: many flows, one host', () => {
  it('never has two live getAuthCode calls, and a flow only ever shows a code of its own call', async () => {
    const scenario = fc
      .integer({ min: 2, max: 12 })
      .chain((flows) =>
        fc.record({ flows: fc.constant(flows), ops: fc.array(op(flows), { minLength: 1, maxLength: 60 }) }),
      );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ flows, ops }) => {
        // A call is live from getAuthCode until it is answered or its flow stops waiting for it.
        const calls: {
          options: GetAuthCodeOptions;
          flow: number;
          code: string;
          answered: boolean;
          abandoned: boolean;
        }[] = [];
        const live = () => calls.filter((call) => !call.answered && !call.abandoned);
        const host: AuthCodeHost = {
          getAuthCode(options) {
            const flow = Number(options.scopes[0]!.slice('FLOW_'.length));
            calls.push({ options, flow, code: `CODE_${calls.length}_Z`, answered: false, abandoned: false });
            callsObserved++;
            maxObserved = Math.max(maxObserved, live().length);
            expect(live().length).toBeLessThanOrEqual(1);
          },
        };
        const actors = Array.from({ length: flows }, (_, index) =>
          createActor(authCodeMachine, {
            input: { host, scopes: [`FLOW_${index}`], timeoutMs: 1000 },
          }).start(),
        );
        // A flow abandons its calls when it leaves consenting (answer, cancel, reset, timeout) or stops.
        const abandon = (flow: number) => {
          for (const call of calls) if (call.flow === flow) call.abandoned = true;
        };
        for (const [index, actor] of actors.entries()) {
          let previous = toView(actor.getSnapshot()).status;
          actor.subscribe({
            next: (snapshot) => {
              const { status } = toView(snapshot);
              if (previous === 'consenting' && status !== 'consenting') abandon(index);
              previous = status;
            },
            complete: () => abandon(index),
          });
        }
        for (const step of ops) {
          if (step.kind === 'answer') {
            const call = live()[0] ?? calls.at(-1);
            if (call) {
              call.answered = true;
              if (step.via === 'success') call.options.success?.({ authCode: call.code });
              else call.options.fail?.({ error: 11 });
            }
          } else if (step.kind === 'advance') await vi.advanceTimersByTimeAsync(step.ms);
          else {
            const actor = actors[step.flow]!;
            if (actor.getSnapshot().status !== 'active') continue;
            if (step.kind === 'stop') actor.stop();
            else
              actor.send(
                step.kind === 'request' ? { type: 'REQUEST' } : { type: step.kind.toUpperCase() as 'CANCEL' },
              );
          }
          await vi.advanceTimersByTimeAsync(0);
          expect(live().length).toBeLessThanOrEqual(1);
          for (const [index, actor] of actors.entries()) {
            const { authCode } = toView(actor.getSnapshot());
            if (authCode === undefined) continue;
            const own = calls.filter((call) => call.flow === index).at(-1);
            expect(authCode).toBe(own?.code);
          }
        }
        for (const actor of actors) actor.stop();
      }),
      { numRuns: 200 },
    );
    expect(maxObserved).toBe(1);
  }, 60_000);
});

describe('the line of turns on one host', () => {
  /** Takes a turn that records when it starts, by name. */
  function line() {
    const host = {};
    const started: string[] = [];
    const take = (name: string, resumed?: boolean) => takeTurn(host, () => started.push(name), resumed);
    return { take, started };
  }

  it('starts waiting flows in the order they asked', async () => {
    const { take, started } = line();
    const endA = take('A');
    const endB = take('B');
    take('C');
    endA();
    await flush();
    expect(started).toEqual(['A', 'B']);
    endB();
    await flush();
    expect(started).toEqual(['A', 'B', 'C']);
  });

  it('lets a restarted flow take back a turn only while the next flow has not called the host', async () => {
    const { take, started } = line();
    const endA = take('A');
    take('B');
    endA();
    // A restart in the same task: B's call has not started, so A keeps the host.
    take('A again', true);
    await flush();
    expect(started).toEqual(['A', 'A again']);
  });

  it('keeps a restarted flow waiting behind a holder that has called the host, ahead of the others', async () => {
    const { take, started } = line();
    const endA = take('A');
    take('B resumed', true);
    expect(started).toEqual(['A']);
    take('C');
    take('D resumed', true);
    endA();
    await flush();
    expect(started).toEqual(['A', 'D resumed']);
  });

  it('keeps a restarted flow waiting behind a holder whose handed-over call has started', async () => {
    const { take, started } = line();
    const endA = take('A');
    const endB = take('B');
    take('C');
    endA();
    await flush();
    take('A again', true);
    expect(started).toEqual(['A', 'B']);
    endB();
    await flush();
    expect(started).toEqual(['A', 'B', 'A again']);
  });
});
