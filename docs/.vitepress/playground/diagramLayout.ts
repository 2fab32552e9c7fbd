/**
 * A layered layout of a machine graph for the playground's SVG: each state goes to the row of its
 * distance from the initial state (breadth first), rows are ordered to keep edges short, and the
 * transitions between two states are merged into one labelled curve. Pure: no DOM, no Vue.
 */
import type { GraphEdge, MachineGraph } from '../../../scripts/docs/machineGraph';

export interface DiagramBox {
  key: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramNode extends DiagramBox {
  /** Left at once through an unguarded `always`: drawn dashed. */
  transient: boolean;
}

export interface DiagramEdge {
  key: string;
  source: string;
  target: string;
  /** The distinct triggers of the transitions the curve stands for, one per line: `REQUEST`, `always`. */
  labelLines: string[];
  /** SVG path data. */
  path: string;
  labelX: number;
  labelY: number;
  /** The label grows away from the curve's chord, so that two bent curves keep their labels apart. */
  labelAnchor: 'start' | 'middle' | 'end';
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The box that stands for every state, for root-level transitions (RESET); absent without them. */
  anyState: DiagramBox | undefined;
  /** Where the initial arrow starts: above the initial state. */
  initialFrom: { x: number; y: number };
  initial: string;
}

const NODE_WIDTH = 112;
const NODE_HEIGHT = 34;
const COLUMN_WIDTH = 204;
const ROW_HEIGHT = 112;
const PADDING = 56;
/** Key of the "any state" box; no state of a machine can have it since XState keys have no spaces. */
export const ANY_STATE_KEY = 'any state';

type Point = { x: number; y: number };

/** Rows by breadth-first distance from the initial state; states it cannot reach go last. */
function rankStates(graph: MachineGraph): Map<string, number> {
  const ranks = new Map<string, number>([[graph.initial, 0]]);
  const queue = [graph.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const edge of graph.edges) {
      if (edge.fromRoot || edge.source !== state || ranks.has(edge.target)) continue;
      ranks.set(edge.target, ranks.get(state)! + 1);
      queue.push(edge.target);
    }
  }
  const unreached = Math.max(...ranks.values()) + 1;
  for (const state of graph.states) if (!ranks.has(state.key)) ranks.set(state.key, unreached);
  return ranks;
}

/** Each row, ordered by where its states' parents sit in the row above (one barycentre sweep). */
function orderRows(graph: MachineGraph, ranks: Map<string, number>): string[][] {
  const rows: string[][] = [];
  for (const state of graph.states) (rows[ranks.get(state.key)!] ??= []).push(state.key);
  for (let rank = 1; rank < rows.length; rank += 1) {
    const above = rows[rank - 1] ?? [];
    const weight = (key: string) => {
      const parents = graph.edges
        .filter((edge) => edge.target === key && !edge.fromRoot && above.includes(edge.source))
        .map((edge) => above.indexOf(edge.source));
      return parents.length ? parents.reduce((sum, index) => sum + index, 0) / parents.length : above.length;
    };
    rows[rank] = [...(rows[rank] ?? [])].sort((a, b) => weight(a) - weight(b));
  }
  return rows.filter((row) => row.length > 0);
}

/** One curve per pair of states, labelled with its distinct triggers; root transitions from "any state". */
function mergeEdges(
  graph: MachineGraph,
): Map<string, { source: string; target: string; triggers: string[] }> {
  const merged = new Map<string, { source: string; target: string; triggers: string[] }>();
  const add = (edge: GraphEdge, source: string) => {
    const key = `${source}->${edge.target}`;
    const entry = merged.get(key) ?? { source, target: edge.target, triggers: [] };
    if (!entry.triggers.includes(edge.trigger)) entry.triggers.push(edge.trigger);
    merged.set(key, entry);
  };
  for (const edge of graph.edges) add(edge, edge.fromRoot ? ANY_STATE_KEY : edge.source);
  return merged;
}

/** Where the line from a box's centre towards `toward` leaves the box. */
function exitPoint(box: DiagramBox, toward: Point): Point {
  const dx = toward.x - box.x;
  const dy = toward.y - box.y;
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return Number.isFinite(scale) ? { x: box.x + dx * scale, y: box.y + dy * scale } : { x: box.x, y: box.y };
}

const round = (value: number) => Math.round(value * 10) / 10;

type EdgeShape = Pick<DiagramEdge, 'path' | 'labelX' | 'labelY' | 'labelAnchor'>;

function selfLoop(box: DiagramBox): EdgeShape {
  const right = box.x + box.width / 2;
  return {
    path: `M ${right} ${box.y - 8} C ${right + 44} ${box.y - 34}, ${right + 44} ${box.y + 34}, ${right} ${box.y + 8}`,
    labelX: right + 8,
    labelY: box.y + 36,
    labelAnchor: 'start',
  };
}

/**
 * A quadratic curve between two boxes, bent sideways by `bend` (its middle moves that far off the
 * straight line): a pair of opposite transitions then shows as two curves, not one line.
 */
function curve(from: DiagramBox, to: DiagramBox, bend: number): EdgeShape {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
  const control = {
    x: (from.x + to.x) / 2 + normal.x * bend * 2,
    y: (from.y + to.y) / 2 + normal.y * bend * 2,
  };
  // Which way, left or right, the curve bows: its label is written on that side.
  const outward = bend === 0 ? 0 : normal.x * Math.sign(bend);
  const start = exitPoint(from, control);
  const end = exitPoint(to, control);
  return {
    path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
    labelX: round(0.25 * start.x + 0.5 * control.x + 0.25 * end.x + Math.sign(outward) * 4),
    // A level line's label sits just above it, not on it.
    labelY: round(0.25 * start.y + 0.5 * control.y + 0.25 * end.y - (from.y === to.y && bend === 0 ? 10 : 0)),
    labelAnchor: outward > 0.3 ? 'start' : outward < -0.3 ? 'end' : 'middle',
  };
}

export function layoutDiagram(graph: MachineGraph): DiagramLayout {
  const ranks = rankStates(graph);
  const rows = orderRows(graph, ranks);
  const hasRootEdges = graph.edges.some((edge) => edge.fromRoot);
  // The "any state" box sits beside the initial state, where RESET leads.
  if (hasRootEdges) rows[0]!.push(ANY_STATE_KEY);
  const columns = Math.max(...rows.map((row) => row.length));
  const width = columns * COLUMN_WIDTH + PADDING * 2;
  const boxes = new Map<string, DiagramBox>();
  rows.forEach((row, rank) => {
    const left = PADDING + ((columns - row.length) * COLUMN_WIDTH) / 2;
    row.forEach((key, index) => {
      const x = left + COLUMN_WIDTH * (index + 0.5);
      boxes.set(key, { key, x, y: PADDING + 24 + rank * ROW_HEIGHT, width: NODE_WIDTH, height: NODE_HEIGHT });
    });
  });

  const merged = mergeEdges(graph);
  const rankOf = (key: string) => (key === ANY_STATE_KEY ? 0 : ranks.get(key)!);
  const edges: DiagramEdge[] = [...merged].map(([key, { source, target, triggers }]) => {
    const from = boxes.get(source)!;
    const to = boxes.get(target)!;
    const opposite = merged.has(`${target}->${source}`);
    // A curve that would cross a row, or run along one past another box, bows out of the way.
    const crossesRows = Math.abs(rankOf(source) - rankOf(target)) > 1;
    const alongRow = rankOf(source) === rankOf(target) && Math.abs(from.x - to.x) > COLUMN_WIDTH;
    // Bowing towards the nearer side of the diagram keeps a long curve off the boxes in the middle.
    const normalX = -(to.y - from.y) / (Math.hypot(to.x - from.x, to.y - from.y) || 1);
    const outside = Math.sign(((from.x + to.x) / 2 - width / 2) * normalX) || 1;
    const bend = opposite ? 20 : crossesRows || alongRow ? 44 * outside : 0;
    const shape = source === target ? selfLoop(from) : curve(from, to, bend);
    return { key, source, target, labelLines: triggers, ...shape };
  });

  const initialBox = boxes.get(graph.initial)!;
  return {
    width,
    height: PADDING * 2 + 24 + (rows.length - 1) * ROW_HEIGHT,
    nodes: graph.states.map((state) => ({ ...boxes.get(state.key)!, transient: state.transient })),
    edges,
    anyState: boxes.get(ANY_STATE_KEY),
    initialFrom: { x: initialBox.x, y: initialBox.y - NODE_HEIGHT / 2 - 30 },
    initial: graph.initial,
  };
}
