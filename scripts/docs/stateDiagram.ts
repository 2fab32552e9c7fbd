import type { AnyStateMachine } from 'xstate';
import { readMachineGraph, type GraphEdge, type GraphState, type MachineGraph } from './machineGraph.ts';
import { code, renderTable } from './markdown.ts';

const NOTE_WIDTH = 44;

/** Mermaid ends a label at `:`, `;` and `#`, and reads `<`/`>` as HTML: keep them out of labels. */
function mermaidLabel(text: string): string {
  return text
    .replace(/[:;#<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Breaks a description into short lines for a note; backticks would show literally there. */
function wrapNote(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/`/g, '').split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > NOTE_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `EVENT [guard] / action, action`, the UML way of labelling a transition. */
export function edgeLabel(edge: Pick<GraphEdge, 'trigger' | 'guard' | 'actions'>): string {
  let label = edge.trigger;
  if (edge.guard !== undefined) label += ` [${edge.guard}]`;
  if (edge.actions.length > 0) label += ` / ${edge.actions.join(', ')}`;
  return label;
}

function stateLines(state: GraphState): string[] {
  const details = [
    ...(state.transient ? ['transient, never at rest'] : []),
    ...state.entry.map((action) => `entry ${action}`),
    ...state.invokes.map((actor) => `invoke ${actor}`),
  ];
  if (details.length === 0) return [];
  // Declaring the name first keeps it as the box's title; the details go below it.
  return [
    `  state "${state.key}" as ${state.key}`,
    ...details.map((detail) => `  ${state.key} : ${mermaidLabel(detail)}`),
  ];
}

/**
 * Root-level transitions are drawn once, from a box that stands for every state, instead of an
 * edge from each state: the same meaning, without a tangle of edges into the target.
 */
function anyStateId(graph: MachineGraph): string {
  let id = 'anyState';
  while (graph.states.some((state) => state.key === id)) id = `${id}_`;
  return id;
}

function edgeLines(graph: MachineGraph): string[] {
  const anyState = anyStateId(graph);
  const lines: string[] = [];
  const drawnFromAny = new Set<string>();
  for (const edge of graph.edges) {
    const line = `${edge.target} : ${mermaidLabel(edgeLabel(edge))}`;
    if (!edge.fromRoot) {
      lines.push(`  ${edge.source} --> ${line}`);
    } else if (!drawnFromAny.has(line)) {
      drawnFromAny.add(line);
      lines.push(`  ${anyState} --> ${line}`);
    }
  }
  if (drawnFromAny.size === 0) return lines;
  // Dashed, so it does not read as a seventh state.
  return [
    `  state "any state" as ${anyState}`,
    '  classDef anyState stroke-dasharray:4 4',
    `  class ${anyState} anyState`,
    ...lines,
  ];
}

function noteLines(state: GraphState): string[] {
  if (state.description === undefined) return [];
  return [
    `  note right of ${state.key}`,
    ...wrapNote(state.description).map((line) => `    ${line}`),
    '  end note',
  ];
}

/** The Mermaid `stateDiagram-v2` source of a machine graph, without the code fence. */
export function renderMermaid(graph: MachineGraph): string {
  return [
    '---',
    `title: ${graph.id}`,
    '---',
    'stateDiagram-v2',
    ...(graph.description ? [`  accDescr: ${mermaidLabel(graph.description)}`] : []),
    `  [*] --> ${graph.initial}`,
    ...graph.states.flatMap(stateLines),
    ...edgeLines(graph),
    ...graph.states.flatMap(noteLines),
  ].join('\n');
}

function renderStatesTable(graph: MachineGraph): string {
  return renderTable(
    ['State', 'Runs', 'Description'],
    graph.states.map((state) => [
      code(state.key) + (state.key === graph.initial ? ' (initial)' : ''),
      [
        ...(state.transient ? ['transient'] : []),
        ...state.entry.map((action) => `entry ${code(action)}`),
        ...state.invokes.map((actor) => `invokes ${code(actor)}`),
      ].join(', '),
      state.description ?? '',
    ]),
  );
}

function renderTransitionsTable(graph: MachineGraph): string {
  // A root transition appears once per state in the graph; the table lists it once, from any state.
  const seenRoot = new Set<string>();
  const rows: string[][] = [];
  for (const edge of graph.edges) {
    if (edge.fromRoot) {
      const key = `${edge.eventType}->${edge.target}:${edge.guard ?? ''}`;
      if (seenRoot.has(key)) continue;
      seenRoot.add(key);
    }
    rows.push([
      edge.fromRoot ? 'any state' : code(edge.source),
      code(edge.trigger),
      edge.guard === undefined ? '' : code(edge.guard),
      code(edge.target),
      edge.actions.map(code).join(', '),
      edge.description ?? '',
    ]);
  }
  return renderTable(['From', 'Event', 'Guard', 'To', 'Actions', 'Description'], rows);
}

/**
 * The generated part of `docs/state-machine.md`: the Mermaid diagram of the machine, then its
 * states and transitions as tables. Pure: the same machine always gives the same text.
 */
export function renderStateDiagram(machine: AnyStateMachine): string {
  const graph = readMachineGraph(machine);
  return [
    '```mermaid',
    renderMermaid(graph),
    '```',
    '',
    '### States',
    '',
    renderStatesTable(graph),
    '',
    '### Transitions',
    '',
    'Listed in the order the machine tries them: for one event, the first transition whose guard passes is taken.',
    '',
    renderTransitionsTable(graph),
  ].join('\n');
}
