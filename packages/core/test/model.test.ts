import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { labelOf } from './model/events';
import { CoverageRecorder } from './model/coverage';
import { buildModelVariants } from './model/paths';
import { replayPath, type ModelPath } from './model/replay';

const variants = buildModelVariants();
const coverage = new CoverageRecorder();
let pathsReplayed = 0;

const titleOf = (path: ModelPath) =>
  path.steps
    .slice(1)
    .map((step) => labelOf(step.event))
    .join(' → ');

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  const { states, transitions } = coverage.report();
  process.stdout.write(
    `model coverage: states ${states.reached}/${states.total}, transitions ${transitions.reached}/${transitions.total}` +
      ` (${pathsReplayed} paths replayed)\n`,
  );
});

// The paths are built inside the tests, not when this file loads: mutation testing treats code run
// at load as "static" and runs the whole suite for each of its mutants (docs/mutation-testing.md).
describe.each(variants)('model paths with $name', (variant) => {
  it('replays every shortest path of the model against a real actor', async () => {
    const paths = variant.buildPaths();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      // Each path starts on a fresh fake clock, as it would in a test of its own.
      vi.useRealTimers();
      vi.useFakeTimers();
      try {
        await replayPath(variant, path, coverage);
      } catch (error) {
        throw new Error(`path ${titleOf(path)}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      pathsReplayed++;
    }
    // Hundreds of paths in one test: more than the default 5 s on a loaded machine.
  }, 120_000);
});

// Runs after every replay above (Vitest runs a file's tests in order).
describe('model coverage', () => {
  it('reaches every state of the machine, transient ones included', () => {
    expect(coverage.report().missingStates).toEqual([]);
  });

  it('takes every transition of the machine', () => {
    expect(coverage.report().missingTransitions).toEqual([]);
  });
});
