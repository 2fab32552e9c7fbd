/**
 * Draws the rooms of `packages/core/src` and the imports between them, from the code, with the same
 * tool and rules that `pnpm lint` checks (dependency-cruiser, `.dependency-cruiser.cjs`), into the
 * generated section of docs/architecture.md: `pnpm architecture:generate`. With `--check` (run by
 * `pnpm lint`), it fails when the committed picture no longer matches the code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readGeneratedSection, replaceGeneratedSection } from '../docs/markers.ts';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const coreSrc = 'packages/core/src/';
const docFile = 'docs/architecture.md';

/** The public entries (package.json `exports`), drawn as one box: only apps import them. */
const entries = new Set(['index.ts', 'catalogue.ts', 'exchange.ts', 'testing.ts', 'hosts.ts', 'inspect.ts']);

interface Cruised {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: unknown[]; totalCruised: number; totalDependenciesCruised: number };
}

/** What dependency-cruiser reports for the core's source, every import (type-only ones too). */
export function cruiseCore(): Cruised {
  const bin = join(rootDir, 'node_modules/.bin/depcruise');
  const json = execFileSync(bin, [coreSrc, '--output-type', 'json'], { cwd: rootDir, encoding: 'utf8' });
  return JSON.parse(json) as Cruised;
}

/** A core file's room: its folder (`machine/`), `entries`, or `shared` for the other top-level files. */
export function roomOf(path: string): string | undefined {
  if (!path.startsWith(coreSrc)) return undefined;
  const rest = path.slice(coreSrc.length);
  const slash = rest.indexOf('/');
  if (slash !== -1) return `${rest.slice(0, slash)}/`;
  return entries.has(rest) ? 'entries' : 'shared';
}

const nodeId = (room: string) => room.replace(/\W/g, '');

/** A Mermaid flowchart of the rooms: a box per room (with its files), an arrow per room it imports. */
export function renderRooms(cruised: Cruised): string {
  const files = new Map<string, string[]>();
  const edges = new Set<string>();
  for (const module of cruised.modules) {
    const from = roomOf(module.source);
    if (!from) continue;
    files.set(from, [...(files.get(from) ?? []), module.source.slice(coreSrc.length).replace(/^.*\//, '')]);
    for (const dependency of module.dependencies) {
      const to = roomOf(dependency.resolved);
      if (to && to !== from) edges.add(`${nodeId(from)} --> ${nodeId(to)}`);
    }
  }
  const rooms = [...files.keys()].sort();
  const lines = [
    '```mermaid',
    'flowchart TD',
    ...rooms.map((room) => {
      const label = room === 'shared' ? 'shared (top level)' : room;
      return `  ${nodeId(room)}["<b>${label}</b><br/>${files.get(room)!.sort().join(', ')}"]`;
    }),
    ...[...edges].sort().map((edge) => `  ${edge}`),
    '```',
  ];
  const { totalCruised, totalDependenciesCruised } = cruised.summary;
  const coreModules = cruised.modules.filter((module) => module.source.startsWith(coreSrc)).length;
  return [
    ...lines,
    '',
    `${rooms.length} rooms, ${coreModules} source files; dependency-cruiser: ${cruised.summary.violations.length} violations, ${totalCruised} modules, ${totalDependenciesCruised} dependencies cruised (xstate included).`,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const path = join(rootDir, docFile);
  const before = readFileSync(path, 'utf8');
  const after = replaceGeneratedSection(before, renderRooms(cruiseCore()), docFile);
  if (process.argv.includes('--check')) {
    if (readGeneratedSection(after, docFile) !== readGeneratedSection(before, docFile)) {
      console.error(
        `${docFile} no longer matches the imports of packages/core/src: run \`pnpm architecture:generate\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log(`${docFile}: the picture of the rooms matches the code`);
  } else if (after !== before) {
    writeFileSync(path, after);
    console.log(`architecture: wrote ${docFile}`);
  } else console.log(`architecture: ${docFile} is up to date`);
}
