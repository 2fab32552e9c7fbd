import { initialTransition, transition, type AnyEventObject, type EventFromLogic } from 'xstate';
import { getShortestPaths, type StatePath } from 'xstate/graph';
import { authCodeMachine, type AuthCodeInput, type AuthCodeSnapshot } from '../../src/index';
import { revealCode } from '../../src/credential/secret';
import { labelOf, modelEvents, modelScopes } from './events';
import { createExchange } from '../../src/exchange';

type MachineEvent = EventFromLogic<typeof authCodeMachine>;

/**
 * The facts of a snapshot the model tells apart: the state value and what the context says about
 * the flow. Finite, because the model's events carry a fixed set of scopes, codes and sessions.
 */
export function factsOf(snapshot: AuthCodeSnapshot) {
  const { context, value } = snapshot;
  const { error } = context;
  return {
    value,
    scopes: context.request?.scopes ?? null,
    required: context.request?.required ?? null,
    // The raw code: sealed codes all serialize to the same mask.
    authCode: revealCode(context.authCode) ?? null,
    grantedScopes: context.grantedScopes,
    deniedScopes: context.deniedScopes,
    session: context.session ?? null,
    error: error
      ? { kind: error.kind, code: error.code, retryable: error.retryable, scopes: error.scopes }
      : null,
  };
}

/**
 * A vertex of the model's graph: the snapshot's facts, plus the event and source state that changed
 * them. The second part makes the shortest paths reach every (source, event) edge that changes
 * something, not only every snapshot, as `createTestModel` does for machines without actors.
 */
function serializeState(
  snapshot: AuthCodeSnapshot,
  event?: AnyEventObject,
  previous?: AuthCodeSnapshot,
): string {
  const facts = JSON.stringify(factsOf(snapshot));
  if (!event || !previous || JSON.stringify(factsOf(previous)) === facts) return facts;
  return `${facts} via ${labelOf(event)} from ${JSON.stringify(factsOf(previous))}`;
}

const serializeEvent = (event: AnyEventObject) => labelOf(event);

/** The machine's own events and the internal ones (host answers, timeout, exchange result) alike. */
const traversalEvents = modelEvents.map(({ event }) => event) as unknown as readonly MachineEvent[];

/** How a traversal's host is provided when the model is replayed. */
export type HostSetup =
  /** A controllable host passed as `input.host`. */
  | { kind: 'input' }
  /** No host at all: no `input.host`, no global `my`. */
  | { kind: 'none' }
  /** A controllable host as the global `my`, removed once the path's first `removeAfterStep` steps ran. */
  | { kind: 'global-then-gone'; removeAfterStep: number };

export interface ModelVariant {
  name: string;
  /** What the replay's input holds besides the host and the exchange. */
  input: Pick<AuthCodeInput, 'scopes' | 'timeoutMs'>;
  withExchange: boolean;
  host: HostSetup;
  /**
   * Traverses the machine. Called by the test that replays the paths, never when a file loads:
   * mutation testing counts code that runs at load as "static", and runs every test for it.
   */
  buildPaths(): StatePath<AuthCodeSnapshot, MachineEvent>[];
}

/** Keeps only the paths that are not a prefix of another one: replaying those covers the rest. */
function maximalPaths<T extends { steps: { event: AnyEventObject }[] }>(paths: T[]): T[] {
  const keyOf = (path: T) => path.steps.map((step) => labelOf(step.event)).join('\n') + '\n';
  const keys = paths.map(keyOf);
  return paths.filter((_, index) => {
    const key = keys[index]!;
    return !keys.some(
      (other, otherIndex) => otherIndex !== index && other.length > key.length && other.startsWith(key),
    );
  });
}

// Any object with a getAuthCode: the traversal runs no actions, so this host is never called.
const traversalHost = { getAuthCode() {} };
const traversalExchange = () => Promise.resolve(undefined);
const baseInput = { scopes: modelScopes.input };

function traverse(input: AuthCodeInput, fromState?: AuthCodeSnapshot) {
  return getShortestPaths(authCodeMachine, {
    input,
    events: traversalEvents,
    serializeState,
    serializeEvent,
    ...(fromState ? { fromState } : {}),
  });
}

/** The path the given events take from the start, in the shape the traversal returns. */
function pathOf(input: AuthCodeInput, labels: string[]): StatePath<AuthCodeSnapshot, MachineEvent> {
  let [state] = initialTransition(authCodeMachine, input);
  const steps = [{ state, event: { type: 'xstate.init' } as unknown as MachineEvent }];
  for (const label of labels) {
    const event = modelEvents.find((candidate) => candidate.label === label)?.event as MachineEvent;
    [state] = transition(authCodeMachine, state, event);
    steps.push({ state, event });
  }
  return { state, steps, weight: labels.length };
}

/**
 * The global `my` is there for `prefix`, then gone: the only way to reach a retryable failure, or a
 * success, and then find no host. The rest of each path is traversed without a host.
 */
function hostGoneAfter(name: string, prefix: string[]): ModelVariant {
  return {
    name,
    input: baseInput,
    withExchange: false,
    // The head's steps: its `xstate.init`, then one per event of the prefix.
    host: { kind: 'global-then-gone', removeAfterStep: prefix.length + 1 },
    buildPaths() {
      const globals = globalThis as { my?: unknown };
      globals.my = traversalHost;
      let head: StatePath<AuthCodeSnapshot, MachineEvent>;
      try {
        head = pathOf(baseInput, prefix);
      } finally {
        delete globals.my;
      }
      const tails = traverse(baseInput, head.state);
      return maximalPaths(
        tails.map((tail) => ({
          state: tail.state,
          // The tail starts with its own `xstate.init` step at the head's last state.
          steps: [...head.steps, ...tail.steps.slice(1)],
          weight: head.weight + tail.weight,
        })),
      );
    },
  };
}

/** The model's traversals, one per kind of input; each builds its paths when asked (they are pure). */
export function buildModelVariants(): ModelVariant[] {
  return [
    {
      name: 'a host in the input',
      input: baseInput,
      withExchange: false,
      host: { kind: 'input' },
      buildPaths: () => maximalPaths(traverse({ ...baseInput, host: traversalHost })),
    },
    {
      name: 'a host in the input and an exchange',
      input: baseInput,
      withExchange: true,
      host: { kind: 'input' },
      buildPaths: () =>
        maximalPaths(
          traverse({ ...baseInput, host: traversalHost, exchange: createExchange(traversalExchange) }),
        ),
    },
    {
      name: 'no host',
      input: baseInput,
      withExchange: false,
      host: { kind: 'none' },
      buildPaths: () => maximalPaths(traverse(baseInput)),
    },
    hostGoneAfter('a global host that is gone after a timeout', ['REQUEST consent', 'timeout']),
    hostGoneAfter('a global host that is gone after a grant', ['REQUEST consent', 'host: full grant']),
  ];
}
