import { createActor, transition, type Actor, type AnyEventObject, type EventFromLogic } from 'xstate';
import type { StatePath } from 'xstate/graph';
import { expect, vi } from 'vitest';
import { authCodeMachine, DEFAULT_TIMEOUT_MS, toView, type AuthCodeSnapshot } from '../../src/index';
import { DEFAULT_CODE_LIFETIME_MS } from '../../src/machine/machine';
import { revealCode } from '../../src/credential/secret';
import {
  answerCall,
  createControllableExchange,
  createControllableHost,
  flushPromises,
  type ControllableExchange,
  type ControllableHost,
} from './controllable';
import type { CoverageRecorder } from './coverage';
import {
  codeExpiredEventType,
  exchangeDoneEventType,
  exchangeTimeout,
  exchangeErrorEventType,
  isHostAnswer,
  labelOf,
  modelEvents,
  timeoutEventType,
} from './events';
import { factsOf, type ModelVariant } from './paths';
import { createExchange } from '../../src/exchange';

export type ModelPath = StatePath<AuthCodeSnapshot, AnyEventObject>;

const globals = globalThis as { my?: unknown };

/** The error of a host answer that is a synchronous throw, or undefined for any other event. */
function thrownBy(event: AnyEventObject | undefined): { error: unknown } | undefined {
  if (event === undefined || !isHostAnswer(event) || event.answer.via !== 'throw') return undefined;
  return { error: event.answer.error };
}

/** How many times the model entered `value` in its first `upTo` steps (each entry starts one call). */
function entriesInto(path: ModelPath, value: string, upTo: number): number {
  let entries = 0;
  for (let index = 1; index <= upTo; index++) {
    if (path.steps[index]!.state.value === value && path.steps[index - 1]!.state.value !== value) entries++;
  }
  return entries;
}

/** Longer than the host's timeout, so the model's `timeout` event never fires it. */
const EXCHANGE_TIMEOUT_MS = 2 * DEFAULT_TIMEOUT_MS;
const exchangeTimeoutEvent = modelEvents.find(
  ({ event }) => event.type === exchangeErrorEventType && event.error === exchangeTimeout,
)!.event;

/** Does to the real actor what the model's event stands for. */
async function perform(
  event: AnyEventObject,
  actor: { send(event: AnyEventObject): void; getSnapshot(): { value: unknown } },
  host: ControllableHost,
  exchange: ControllableExchange,
  timeoutMs: number,
): Promise<void> {
  if (isHostAnswer(event)) {
    const { answer } = event;
    // A throw happens inside getAuthCode; the step before armed it (see replayPath).
    if (answer.via === 'throw') return;
    // Outside `consenting` this is a late answer of the last call (there may be none yet).
    const call = host.latest();
    if (call) answerCall(call, answer.via, answer.payload);
  } else if (event.type === timeoutEventType) {
    vi.advanceTimersByTime(timeoutMs);
  } else if (event === exchangeTimeoutEvent) {
    // Timers of one state only: advancing them elsewhere would fire the host's timeout.
    if (actor.getSnapshot().value === 'exchanging') vi.advanceTimersByTime(EXCHANGE_TIMEOUT_MS);
  } else if (event.type === codeExpiredEventType) {
    if (actor.getSnapshot().value === 'success') vi.advanceTimersByTime(DEFAULT_CODE_LIFETIME_MS);
  } else if (event.type === exchangeDoneEventType || event.type === exchangeErrorEventType) {
    // Outside `exchanging` this settles the last exchange late (there may be none yet).
    const pending = exchange.latest();
    if (!pending) return;
    if (event.type === exchangeDoneEventType) pending.resolve((event as { output?: unknown }).output);
    // The model's event is the error the exchange reports; the server rejected with its cause.
    else pending.reject((event as { error?: { cause?: unknown } }).error?.cause);
    await flushPromises();
  } else {
    actor.send(event);
  }
}

/**
 * At the end of a path, performs every event the model ignores there (a REQUEST while a flow runs,
 * a late host answer after a cancel, a timer after the flow moved on, a stale exchange result...)
 * and checks the actor ignores it too. A throw is left out: it only happens inside a call.
 */
async function expectIgnoredEventsIgnored(
  path: ModelPath,
  actor: Actor<typeof authCodeMachine>,
  host: ControllableHost,
  exchange: ControllableExchange,
  timeoutMs: number,
): Promise<void> {
  const expected = factsOf(path.state);
  const calls = host.calls.length;
  const exchanges = exchange.calls.length;
  for (const { label, event } of modelEvents) {
    if (thrownBy(event)) continue;
    const [next] = transition(authCodeMachine, path.state, event as EventFromLogic<typeof authCodeMachine>);
    if (JSON.stringify(factsOf(next)) !== JSON.stringify(expected)) continue;
    await perform(event, actor, host, exchange, timeoutMs);
    const where = `ignored at the end: ${label}`;
    expect(factsOf(actor.getSnapshot()), where).toEqual(expected);
    expect(host.calls.length, `${where}: host calls`).toBe(calls);
    expect(exchange.calls.length, `${where}: exchange calls`).toBe(exchanges);
  }
}

/**
 * Replays one path of the model against a real actor with a controllable host, fake timers and a
 * controllable exchange. After every step the actor's facts must be the model's, and the host and
 * the exchange must have been called once per flow the model started; at the end, every event the
 * model ignores must leave the actor as it is.
 */
export async function replayPath(variant: ModelVariant, path: ModelPath, coverage: CoverageRecorder) {
  const host = createControllableHost();
  const exchange = createControllableExchange();
  const timeoutMs = variant.input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (variant.host.kind === 'global-then-gone') globals.my = host.host;

  // Every value the actor passed through during the current step, transient `resolving` included.
  let passedThrough: AuthCodeSnapshot[] = [];
  // Set once createActor returns; inspection events arrive from inside createActor already.
  const root: { actor?: Actor<typeof authCodeMachine> } = {};
  const recordCoverage = coverage.inspect(() => root.actor);
  root.actor = createActor(authCodeMachine, {
    input: {
      ...variant.input,
      exchangeTimeoutMs: EXCHANGE_TIMEOUT_MS,
      ...(variant.host.kind === 'input' ? { host: host.host } : {}),
      ...(variant.withExchange ? { exchange: createExchange(exchange.exchange) } : {}),
    },
    inspect: (event) => {
      recordCoverage(event);
      if (event.type === '@xstate.microstep' && event.actorRef === root.actor) {
        passedThrough.push(event.snapshot as AuthCodeSnapshot);
      }
    },
  });
  const actor = root.actor;
  actor.start();

  try {
    for (const [index, step] of path.steps.entries()) {
      const where = `step ${index} (${labelOf(step.event)})`;
      if (variant.host.kind === 'global-then-gone' && index === variant.host.removeAfterStep) {
        delete globals.my;
      }
      const next = path.steps[index + 1]?.event;
      const nextThrow = thrownBy(next);
      if (nextThrow) host.throwOnNextCall(nextThrow.error);

      passedThrough = [];
      if (index > 0) await perform(step.event, actor, host, exchange, timeoutMs);

      const expected = factsOf(step.state);
      if (nextThrow) {
        // The host threw inside the call this step made: the actor is already past this step,
        // and must have passed through the model's state on the way.
        expect(passedThrough.map(factsOf), where).toContainEqual(expected);
      } else {
        expect(factsOf(actor.getSnapshot()), where).toEqual(expected);
        expect(toView(actor.getSnapshot()).status, where).toBe(step.state.value);
      }
      expect(host.calls.length, `${where}: host calls`).toBe(entriesInto(path, 'consenting', index));
      expect(exchange.calls.length, `${where}: exchange calls`).toBe(entriesInto(path, 'exchanging', index));
      if (
        step.state.value === 'exchanging' &&
        index > 0 &&
        path.steps[index - 1]!.state.value !== 'exchanging'
      ) {
        // The exchange gets the code this flow's host issued.
        expect(exchange.latest()?.grant.authCode, where).toBe(revealCode(step.state.context.authCode));
      }
    }
    await expectIgnoredEventsIgnored(path, actor, host, exchange, timeoutMs);
  } finally {
    actor.stop();
    delete globals.my;
  }
}
