import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { labelOf } from './model/events';
import { CoverageRecorder } from './model/coverage';
import { buildModelVariants } from './model/paths';
import { replayPath } from './model/replay';

const variants = buildModelVariants();
const coverage = new CoverageRecorder();

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  const { states, transitions } = coverage.report();
  process.stdout.write(
    `model coverage: states ${states.reached}/${states.total}, transitions ${transitions.reached}/${transitions.total}` +
      ` (${variants.reduce((sum, variant) => sum + variant.paths.length, 0)} paths replayed)\n`,
  );
});

describe.each(variants)('model paths with $name', (variant) => {
  it('has paths to replay', () => {
    expect(variant.paths.length).toBeGreaterThan(0);
  });

  it.each(
    variant.paths.map((path) => ({
      path,
      title: path.steps
        .slice(1)
        .map((step) => labelOf(step.event))
        .join(' → '),
    })),
  )('$title', async ({ path }) => {
    await replayPath(variant, path, coverage);
  });
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
