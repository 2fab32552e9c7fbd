import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

/** One top-level state of the machine, as the docs show it. */
export interface GraphState {
  key: string;
  description: string | undefined;
  /** Names of the actors the state invokes. */
  invokes: string[];
  /** Named entry actions (XState's own `xstate.*` actions left out). */
  entry: string[];
  /** Left through an unguarded `always` at once: a snapshot never rests there. */
  transient: boolean;
}

/** One transition, flattened to source and target state keys. */
export interface GraphEdge {
  source: string;
  target: string;
  /** The raw event type (`REQUEST`, `xstate.after.hostTimeout...`), or `always`. */
  eventType: string;
  /** How people read the trigger: `REQUEST`, `after hostTimeout`, `onDone exchangeCode`, `always`. */
  trigger: string;
  /** The guard, with `and`/`or`/`not` spelled out; `else` for the unguarded last choice of several. */
  guard: string | undefined;
  actions: string[];
  description: string | undefined;
  /** Declared on the machine root: taken from any state that does not handle the event itself. */
  fromRoot: boolean;
}

export interface MachineGraph {
  id: string;
  description: string | undefined;
  initial: string;
  states: GraphState[];
  edges: GraphEdge[];
  /** Every event type the machine reacts to, as `machine.events` lists it. */
  eventTypes: string[];
}

type NamedThing = { type?: unknown; name?: unknown; guards?: unknown };

/** Names a guard: `isRetryable`, `isRetryable and isHostMissing`, `not hasTimeout`. */
export function describeGuard(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (guard && (typeof guard === 'object' || typeof guard === 'function')) {
    const { type, name, guards } = guard as NamedThing;
    if (typeof type === 'string') return type;
    // XState's and()/or()/not() are functions named after themselves that keep their parts in `guards`.
    if (Array.isArray(guards)) {
      const parts = guards.map(describeGuard);
      if (name === 'not') return `not ${parts[0]}`;
      if (name === 'and' || name === 'or') return parts.join(` ${name} `);
    }
  }
  return 'inline guard';
}

/** Names an action; XState's own bookkeeping actions (`xstate.raise` for delays, ...) are left out. */
function describeActions(actions: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const action of actions) {
    const type =
      typeof action === 'string'
        ? action
        : action && (typeof action === 'object' || typeof action === 'function')
          ? (action as NamedThing).type
          : undefined;
    if (typeof type !== 'string') names.push('inline action');
    else if (!type.startsWith('xstate.')) names.push(type);
  }
  return names;
}

function describeTrigger(node: AnyStateNode, eventType: string): string {
  const delayed = node.after.find((transition) => transition.eventType === eventType);
  if (delayed) {
    const { delay } = delayed;
    return `after ${typeof delay === 'number' ? `${delay} ms` : typeof delay === 'string' ? delay : 'delay'}`;
  }
  for (const [prefix, label] of [
    ['xstate.done.actor.', 'onDone'],
    ['xstate.error.actor.', 'onError'],
  ] as const) {
    if (!eventType.startsWith(prefix)) continue;
    const invoked = node.invoke.find((definition) => definition.id === eventType.slice(prefix.length));
    return `${label} ${invoked ? actorName(invoked.src) : eventType.slice(prefix.length)}`;
  }
  return eventType;
}

function actorName(src: unknown): string {
  if (typeof src === 'string') return src;
  const id = (src as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : 'inline actor';
}

function readEdges(
  source: string,
  eventType: string,
  trigger: string,
  transitions: readonly AnyTransitionDefinition[],
  fromRoot: boolean,
): GraphEdge[] {
  return transitions.map((transition, index) => {
    const isFallback = transition.guard === undefined && index > 0;
    const target = transition.target?.[0]?.key ?? source;
    if ((transition.target?.length ?? 0) > 1) {
      throw new Error(`${source}: a transition with several targets cannot be drawn yet.`);
    }
    return {
      source,
      target,
      eventType,
      trigger,
      guard:
        transition.guard === undefined ? (isFallback ? 'else' : undefined) : describeGuard(transition.guard),
      actions: describeActions(transition.actions),
      description: transition.description,
      fromRoot,
    };
  });
}

/**
 * Walks a flat machine (top-level states only) into states and edges. Root-level transitions are
 * spread onto every state that can receive them: the states that do not handle the event themselves
 * and are not transient.
 */
export function readMachineGraph(machine: AnyStateMachine): MachineGraph {
  const { root } = machine;
  const nodes = Object.values(root.states) as AnyStateNode[];
  for (const node of nodes) {
    if (Object.keys(node.states).length > 0) {
      throw new Error(`State "${node.key}" has child states; the docs generator draws flat machines only.`);
    }
  }

  const states: GraphState[] = nodes.map((node) => {
    const always = node.always ?? [];
    return {
      key: node.key,
      description: node.description,
      invokes: node.invoke.map((definition) => actorName(definition.src)),
      entry: describeActions(node.entry),
      transient: always.length > 0 && always[always.length - 1]!.guard === undefined,
    };
  });

  const edges: GraphEdge[] = [];
  for (const node of nodes) {
    for (const [eventType, transitions] of node.transitions) {
      edges.push(...readEdges(node.key, eventType, describeTrigger(node, eventType), transitions, false));
    }
    if (node.always) edges.push(...readEdges(node.key, 'always', 'always', node.always, false));
  }
  for (const [eventType, transitions] of root.transitions) {
    for (const state of states) {
      const node = root.states[state.key] as AnyStateNode;
      if (state.transient || node.transitions.has(eventType)) continue;
      edges.push(...readEdges(state.key, eventType, eventType, transitions, true));
    }
  }

  const initial = root.initial.target[0]?.key;
  if (initial === undefined) throw new Error(`Machine "${root.id}" has no initial state.`);

  return {
    id: root.id,
    description: root.description,
    initial,
    states,
    edges,
    eventTypes: [...root.events],
  };
}
