import { existsSync, readFileSync } from 'node:fs';

/**
 * Prints the mutation score per file and per package from Stryker's JSON reports
 * (mutation-testing-report-schema), with one correction: Stryker's Vitest runner reports a mutant
 * whose covering tests never ran (0 tests completed: the mutant broke loading a module, so Vitest
 * collected nothing) as survived. No test can run against such code, so it counts as killed here.
 * Usage: tsx scripts/mutation/score.ts [core react vue svelte]
 */

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  testsCompleted?: number;
  coveredBy?: string[];
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

export interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Reported as survived with 0 tests completed: counted as killed. */
  brokeLoading: number;
  errors: number;
}

const emptyTally = (): Tally => ({
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  brokeLoading: 0,
  errors: 0,
});

/** A survivor that no test ran against: its mutation broke loading a module. */
export const brokeLoading = (mutant: Mutant) =>
  mutant.status === 'Survived' && (mutant.coveredBy?.length ?? 0) > 0 && mutant.testsCompleted === 0;

export function tally(mutants: Mutant[]): Tally {
  const counts = emptyTally();
  for (const mutant of mutants) {
    if (brokeLoading(mutant)) counts.brokeLoading++;
    else if (mutant.status === 'Killed') counts.killed++;
    else if (mutant.status === 'Timeout') counts.timeout++;
    else if (mutant.status === 'Survived') counts.survived++;
    else if (mutant.status === 'NoCoverage') counts.noCoverage++;
    // CompileError, RuntimeError and Ignored are left out of the score, as Stryker does.
    else counts.errors++;
  }
  return counts;
}

/** Detected over valid mutants, as Stryker's score, with load failures moved to detected. */
export function score(counts: Tally): number {
  const detected = counts.killed + counts.timeout + counts.brokeLoading;
  const valid = detected + counts.survived + counts.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
}

const row = (name: string, counts: Tally) =>
  [
    name.padEnd(28),
    score(counts).toFixed(2).padStart(7),
    String(counts.killed + counts.timeout).padStart(7),
    String(counts.brokeLoading).padStart(9),
    String(counts.survived).padStart(9),
    String(counts.noCoverage).padStart(7),
  ].join(' ');

function printPackage(name: string, report: Report) {
  const total = emptyTally();
  const lines = [
    `${'file'.padEnd(28)} ${'score'.padStart(7)} ${'killed'.padStart(7)} ${'broke-load'.padStart(9)} ${'survived'.padStart(9)} ${'no-cov'.padStart(7)}`,
  ];
  const remaining: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const counts = tally(mutants);
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += counts[key];
    lines.push(row(file.replace(/^packages\/[^/]+\/src\//, ''), counts));
    for (const mutant of mutants) {
      if ((mutant.status === 'Survived' && !brokeLoading(mutant)) || mutant.status === 'NoCoverage') {
        const { line, column } = mutant.location.start;
        remaining.push(
          `  ${file}:${line}:${column} ${mutant.status} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '')}`,
        );
      }
    }
  }
  lines.push(row(`${name} (all files)`, total));
  process.stdout.write(`\n@authcode/${name}\n${lines.join('\n')}\n`);
  if (remaining.length > 0) process.stdout.write(`remaining survivors:\n${remaining.join('\n')}\n`);
}

const requested = process.argv.slice(2);
for (const name of requested.length > 0 ? requested : ['core', 'react', 'vue', 'svelte']) {
  const file = `reports/mutation/${name}/mutation.json`;
  if (!existsSync(file)) {
    process.stdout.write(`\n@authcode/${name}: no report at ${file} (run pnpm test:mutation ${name})\n`);
    continue;
  }
  printPackage(name, JSON.parse(readFileSync(file, 'utf8')) as Report);
}
