/** Heap growth allowed across the flows: 1 MB = 1,000,000 bytes (the strict reading). */
export const MEMORY_BOUND_BYTES = 1_000_000;

export interface MemoryResult {
  flows: number;
  startHeapBytes: number;
  endHeapBytes: number;
  growthBytes: number;
  boundBytes: number;
  withinBound: boolean;
}

type Flow = () => Promise<unknown>;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The heap after full collections, once pending timers and microtasks had a turn to finish. */
export async function settledHeap(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('Run node with --expose-gc: heap figures without a forced GC mean nothing.');
  for (let round = 0; round < 3; round++) {
    await nextTurn();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Runs `flows` flows one after another and compares the heap after a forced GC with the heap
 * before them (itself measured after `warmup` flows, so lazily built caches are not counted).
 */
export async function measureFlowMemory(flow: Flow, flows: number, warmup = 1_000): Promise<MemoryResult> {
  for (let index = 0; index < warmup; index++) await flow();
  const startHeapBytes = await settledHeap();
  for (let index = 0; index < flows; index++) await flow();
  const endHeapBytes = await settledHeap();
  const growthBytes = endHeapBytes - startHeapBytes;
  return {
    flows,
    startHeapBytes,
    endHeapBytes,
    growthBytes,
    boundBytes: MEMORY_BOUND_BYTES,
    withinBound: growthBytes <= MEMORY_BOUND_BYTES,
  };
}
