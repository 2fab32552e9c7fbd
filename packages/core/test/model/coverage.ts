import type { AnyActorRef, AnyStateNode, AnyTransitionDefinition, InspectionEvent } from 'xstate';
import { authCodeMachine } from '../../src/index';

function describeTransition(transition: AnyTransitionDefinition, index: number): string {
  const targets = transition.target?.map((target) => target.id).join(', ') ?? '(no target)';
  const trigger = transition.eventType === '' ? 'always' : transition.eventType;
  return `${transition.source.id} ${trigger}[${index}] -> ${targets}`;
}

function childStateNodes(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...childStateNodes(child)]);
}

/**
 * Every transition definition of the machine: `on` (including `after` and invoke onDone/onError,
 * which XState keeps in the same map under their internal event types) and `always`.
 */
function transitionsOf(node: AnyStateNode): Map<AnyTransitionDefinition, string> {
  const found = new Map<AnyTransitionDefinition, string>();
  for (const candidates of node.transitions.values()) {
    candidates.forEach((transition, index) => found.set(transition, describeTransition(transition, index)));
  }
  (node.always ?? []).forEach((transition, index) =>
    found.set(transition, describeTransition(transition, index)),
  );
  return found;
}

/** What the model has to reach: the machine's state nodes and transition definitions. */
export const machineInventory = (() => {
  const states = childStateNodes(authCodeMachine.root).map((node) => node.id);
  const transitions = new Map<AnyTransitionDefinition, string>();
  for (const node of [authCodeMachine.root, ...childStateNodes(authCodeMachine.root)]) {
    for (const [transition, name] of transitionsOf(node)) transitions.set(transition, name);
  }
  return { states, transitions };
})();

/** Records the states a real actor entered (transient ones included) and the transitions it took. */
export class CoverageRecorder {
  readonly states = new Set<string>();
  readonly transitions = new Set<AnyTransitionDefinition>();

  /** An `inspect` callback for `createActor`; only the root machine actor counts. */
  inspect(actor: () => AnyActorRef | undefined) {
    return (event: InspectionEvent) => {
      if (event.actorRef !== actor()) return;
      if (event.type === '@xstate.microstep') {
        event._transitions.forEach((transition) => this.transitions.add(transition));
        this.recordValue(event.snapshot);
      } else if (event.type === '@xstate.snapshot') {
        this.recordValue(event.snapshot);
      }
    };
  }

  private recordValue(snapshot: unknown) {
    const value = (snapshot as { value?: unknown }).value;
    if (typeof value === 'string') this.states.add(`${authCodeMachine.id}.${value}`);
  }

  report() {
    const missingStates = machineInventory.states.filter((id) => !this.states.has(id));
    const missingTransitions = [...machineInventory.transitions]
      .filter(([transition]) => !this.transitions.has(transition))
      .map(([, name]) => name);
    return {
      states: {
        reached: machineInventory.states.length - missingStates.length,
        total: machineInventory.states.length,
      },
      transitions: {
        reached: machineInventory.transitions.size - missingTransitions.length,
        total: machineInventory.transitions.size,
      },
      missingStates,
      missingTransitions,
    };
  }
}
