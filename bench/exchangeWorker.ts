/**
 * A worker thread of bench/exchange.bench.ts, in one of two roles:
 *
 * - `wallet`: the embedded wallet (a wallet is another machine: its RSA signing should not share the
 *   core of the server being measured); it issues fresh codes on request, as the consent sheet would.
 * - `load`: the page side, POSTing codes to `/api/session` with fetch (keep-alive) at a given
 *   concurrency and timing each answer.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { startEmbeddedWallet, type EmbeddedWallet } from '../packages/embedded-wallet/src/index.ts';

export interface Timed {
  /** Milliseconds per operation, in completion order. */
  latencies: number[];
  elapsedMs: number;
  failures: number;
}

export type WorkerRequest =
  | { type: 'start-wallet' }
  | { type: 'issue'; count: number; scopes: string[] }
  | { type: 'load'; url: string; origin: string; codes: string[]; concurrency: number }
  | { type: 'close' };

export type WorkerReply =
  | {
      type: 'wallet-started';
      config: { url: string; clientId: string; privateKey: string; walletPublicKey: string };
    }
  | { type: 'codes'; codes: string[] }
  | ({ type: 'timed' } & Timed)
  | { type: 'closed' };

/** Runs `operation` once per item with `concurrency` in flight, timing each. */
export async function timeAll<T>(
  items: readonly T[],
  concurrency: number,
  operation: (item: T) => Promise<boolean>,
): Promise<Timed> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const begin = performance.now();
        if (!(await operation(item))) failures++;
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started, failures };
}

let wallet: EmbeddedWallet | undefined;

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'start-wallet':
      // TEST-ONLY keys are generated; codes live long enough for a whole run.
      wallet = await startEmbeddedWallet({ codeTtlMs: 600_000, env: {} });
      return { type: 'wallet-started', config: wallet.merchantConfig() };
    case 'issue': {
      const { count, scopes } = request;
      return { type: 'codes', codes: Array.from({ length: count }, () => wallet!.issueCode({ scopes })) };
    }
    case 'load': {
      const headers = { origin: request.origin, 'content-type': 'application/json' };
      const timed = await timeAll(request.codes, request.concurrency, async (authCode) => {
        const response = await fetch(request.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ authCode }),
        });
        await response.arrayBuffer();
        return response.status === 200;
      });
      return { type: 'timed', ...timed };
    }
    case 'close':
      await wallet?.close();
      return { type: 'closed' };
  }
}

const port = parentPort;
port?.on('message', (request: WorkerRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
