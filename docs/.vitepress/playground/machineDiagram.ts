/**
 * The playground's diagram, read at run time from the machine the page runs: the same reader
 * (`readMachineGraph`) that generates the diagram of docs/state-machine.md, so the two cannot differ.
 */
import { authCodeMachine, type AuthCodeSnapshot } from '@authcode/core';
import { readMachineGraph } from '../../../scripts/docs/machineGraph';
import { layoutDiagram, type DiagramLayout } from './diagramLayout';

export interface MachineDiagram extends DiagramLayout {
  /** A state's id as XState reports it (`authCode.consenting`), by its key (`consenting`). */
  stateIds: ReadonlyMap<string, string>;
}

export function readMachineDiagram(): MachineDiagram {
  const graph = readMachineGraph(authCodeMachine);
  const stateIds = new Map(
    graph.states.map((state) => [state.key, authCodeMachine.root.states[state.key]?.id ?? state.key]),
  );
  return { ...layoutDiagram(graph), stateIds };
}

/**
 * The keys of the states a snapshot is in. The machine is flat, so that is one state; `matches` would
 * also name the ancestors of a nested one, and they would be marked active too.
 */
export function activeStateKeys(diagram: MachineDiagram, snapshot: AuthCodeSnapshot): Set<string> {
  const matches = snapshot.matches as (key: string) => boolean;
  return new Set([...diagram.stateIds.keys()].filter((key) => matches.call(snapshot, key)));
}
