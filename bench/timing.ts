import { performance } from 'node:perf_hooks';

type Operation = () => unknown;

export interface TimingOptions {
  /** Operations of each side run before measuring, so both are optimised by the JIT. */
  warmup: number;
  /** Timed batches per side; the median batch is reported. */
  samples: number;
  /** Operations per batch. */
  iterations: number;
}

export interface Comparison {
  /** Median microseconds per operation. */
  subjectMicros: number;
  baselineMicros: number;
  /** subject / baseline. */
  ratio: number;
}

async function runBatch(operation: Operation, iterations: number): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < iterations; index++) {
    const result = operation();
    // Only asynchronous operations pay for an await.
    if (result instanceof Promise) await result;
  }
  return ((performance.now() - start) * 1000) / iterations;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Times two operations in the same process with their batches interleaved (ABAB, then BABA), so
 * drift in CPU speed or heap size hits both sides alike. No forced GC between batches: a full
 * collection there made the next batch 2-3x slower than a steady loop (measured on Node 20).
 */
export async function compare(
  subject: Operation,
  baseline: Operation,
  options: TimingOptions,
): Promise<Comparison> {
  await runBatch(subject, options.warmup);
  await runBatch(baseline, options.warmup);
  const subjectSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (let sample = 0; sample < options.samples; sample++) {
    const order = sample % 2 === 0 ? [subject, baseline] : [baseline, subject];
    for (const operation of order) {
      const micros = await runBatch(operation, options.iterations);
      (operation === subject ? subjectSamples : baselineSamples).push(micros);
    }
  }
  const subjectMicros = median(subjectSamples);
  const baselineMicros = median(baselineSamples);
  return { subjectMicros, baselineMicros, ratio: subjectMicros / baselineMicros };
}

/** Median microseconds per operation of one operation alone (for scaling, a ratio within itself). */
export async function measure(operation: Operation, options: TimingOptions): Promise<number> {
  await runBatch(operation, options.warmup);
  const samples: number[] = [];
  for (let sample = 0; sample < options.samples; sample++)
    samples.push(await runBatch(operation, options.iterations));
  return median(samples);
}
