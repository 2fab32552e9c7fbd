/**
 * `pnpm bench:exchange` (also the last part of `pnpm bench`): the merchant server's code exchange on
 * loopback, against the embedded wallet.
 *
 * - **server**: `POST /api/session` with a fresh code each time (`wallet.issueCode`), through the whole
 *   server (origin check, JSON schema, tried-code set, the Alipay+ wallet client's signed call to the
 *   wallet and the check of its signed answer, the session and its cookie), from fetch with keep-alive.
 * - **direct**: the same wallet client's `applyToken` with a fresh code, called without the server:
 *   the least an exchange costs.
 *
 * Both run at the same concurrency, in alternating rounds of one run, so the difference is what the
 * server adds; then both again one exchange at a time (no queueing: the time one exchange spends in the
 * server). Reported: exchanges per second through the server and the p99 latency the server adds
 * over the direct call, in ms and as a ratio. Goals (issue 17): >= 500 exchanges/s on one core and
 * <= 5 ms added at p99; printed, never asserted (machines are noisy).
 *
 * Layout (`BENCH_LAYOUT`):
 * - `threads` (default): the server, and for the direct side the wallet client, run on the main thread:
 *   one core for the server. The embedded wallet runs in a worker thread (a wallet is another machine),
 *   and the page side (the fetch clients) in another, as a load generator would be another process; with
 *   fewer than 3 cores, in the wallet's worker (a third busy thread would preempt the server's).
 * - `one-thread`: everything (wallet, server, fetch clients) on the main thread.
 *
 * Usage: node --import tsx bench/exchange.bench.ts
 * Env: BENCH_CONCURRENCY (default 8), BENCH_ROUNDS (6), BENCH_ROUND_SIZE (1000), BENCH_LAYOUT (threads).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startFullstack, type Fullstack } from '../examples/server/src/fullstack.ts';
import { createWalletClientFromEnv } from '../examples/server/src/wallet/fromEnv.ts';
import { formatTable } from '../scripts/budgets/table.ts';
import { rootDir } from '../scripts/budgets/workspace.ts';
import { timeAll, type Timed, type WorkerReply, type WorkerRequest } from './exchangeWorker.ts';

const THROUGHPUT_GOAL = 500;
const ADDED_P99_GOAL_MS = 5;

const concurrency = positive('BENCH_CONCURRENCY', 8);
const rounds = positive('BENCH_ROUNDS', 6);
const roundSize = positive('BENCH_ROUND_SIZE', 1000);
const warmup = Math.min(roundSize, 500);
const layout = process.env['BENCH_LAYOUT'] === 'one-thread' ? 'one-thread' : 'threads';
const ownLoadThread = availableParallelism() >= 3;
const scopes = ['USER_LOGIN_ID'];
// A directory that does not exist: no static page, the API only.
const noStatic = join(rootDir, 'bench', '.no-static');

function positive(name: string, otherwise: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return otherwise;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

interface WalletConfig {
  url: string;
  clientId: string;
  privateKey: string;
  walletPublicKey: string;
}

/** What the two layouts differ in: where codes come from and where the page side runs. */
interface Setup {
  server: Fullstack;
  config: WalletConfig;
  issue(count: number): Promise<string[]>;
  throughServer(codes: string[], inFlight: number): Promise<Timed>;
  close(): Promise<void>;
}

/** A worker thread running bench/exchangeWorker.ts (tsx registered in it: workers do not inherit --import). */
function startWorker(): { ask(request: WorkerRequest): Promise<WorkerReply>; stop(): Promise<number> } {
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL('./exchangeWorker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module)}); });`,
    { eval: true },
  );
  const pending: { resolve: (reply: WorkerReply) => void; reject: (error: unknown) => void }[] = [];
  worker.on('message', (reply: WorkerReply) => pending.shift()?.resolve(reply));
  worker.on('error', (error) => pending.splice(0).forEach((waiting) => waiting.reject(error)));
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        pending.push({ resolve, reject });
        worker.postMessage(request);
      }),
    stop: () => worker.terminate(),
  };
}

async function threads(): Promise<Setup> {
  const walletThread = startWorker();
  // With fewer than 3 cores a third busy thread would preempt the server's: the page side then shares
  // the wallet's worker (both phases keep two busy threads).
  const loadThread = ownLoadThread ? startWorker() : walletThread;
  const started = await walletThread.ask({ type: 'start-wallet' });
  if (started.type !== 'wallet-started') throw new Error('the wallet worker did not start');
  const config = started.config;
  // The server reaches the worker's wallet as it would a real one: by WALLET_URL.
  const server = await startFullstack({
    port: 0,
    logger: false,
    staticDir: noStatic,
    env: {
      WALLET_URL: config.url,
      WALLET_CLIENT_ID: config.clientId,
      WALLET_PRIVATE_KEY: config.privateKey,
      WALLET_PUBLIC_KEY: config.walletPublicKey,
    },
  });
  return {
    server,
    config,
    async issue(count) {
      const reply = await walletThread.ask({ type: 'issue', count, scopes });
      if (reply.type !== 'codes') throw new Error('the wallet worker issued no codes');
      return reply.codes;
    },
    async throughServer(codes, inFlight) {
      const reply = await loadThread.ask({
        type: 'load',
        url: `${server.url}/api/session`,
        origin: server.url,
        codes,
        concurrency: inFlight,
      });
      if (reply.type !== 'timed') throw new Error('the load worker did not answer');
      return reply;
    },
    async close() {
      await server.close();
      await walletThread.ask({ type: 'close' });
      await walletThread.stop();
      if (loadThread !== walletThread) await loadThread.stop();
    },
  };
}

async function oneThread(): Promise<Setup> {
  const server = await startFullstack({ port: 0, logger: false, staticDir: noStatic, env: {} });
  const wallet = server.wallet!;
  const url = `${server.url}/api/session`;
  const headers = { origin: server.url, 'content-type': 'application/json' };
  return {
    server,
    config: wallet.merchantConfig(),
    issue: async (count) => Array.from({ length: count }, () => wallet.issueCode({ scopes })),
    throughServer: (codes, inFlight) =>
      timeAll(codes, inFlight, async (authCode) => {
        const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ authCode }) });
        await response.arrayBuffer();
        return response.status === 200;
      }),
    close: () => server.close(),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(samples: readonly Timed[]) {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const elapsedMs = samples.reduce((sum, sample) => sum + sample.elapsedMs, 0);
  return {
    exchanges: latencies.length,
    perSecond: (latencies.length / elapsedMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    meanMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
  };
}

const setup = layout === 'threads' ? await threads() : await oneThread();
try {
  const client = createWalletClientFromEnv({}, setup.config);
  const direct = (codes: string[], inFlight: number) =>
    timeAll(codes, inFlight, async (authCode) => {
      // A signal per call, as the server gives each request (a long-lived one would collect the
      // AbortSignal.any dependants of every call).
      const token = await client.applyToken(authCode, { signal: new AbortController().signal });
      return token.accessToken.length > 0;
    });

  /** Alternating rounds (ABBA, so drift hits both sides alike) at one concurrency. */
  async function compare(level: number, count: number, size: number) {
    const server: Timed[] = [];
    const directly: Timed[] = [];
    for (let round = 0; round < count; round++) {
      const order = round % 2 === 0 ? (['server', 'direct'] as const) : (['direct', 'server'] as const);
      for (const side of order) {
        const codes = await setup.issue(size);
        if (side === 'server') server.push(await setup.throughServer(codes, level));
        else directly.push(await direct(codes, level));
      }
    }
    return { server, direct: directly };
  }

  await setup.throughServer(await setup.issue(warmup), concurrency);
  await direct(await setup.issue(warmup), concurrency);
  const loaded = await compare(concurrency, rounds, roundSize);
  // One exchange at a time: the time the server adds to an exchange, without queueing.
  const alone = await compare(1, 4, Math.max(50, Math.round(roundSize / 4)));
  const serverSamples = loaded.server;
  const directSamples = loaded.direct;
  const failures = [...serverSamples, ...directSamples, ...alone.server, ...alone.direct].reduce(
    (sum, sample) => sum + sample.failures,
    0,
  );
  if (failures > 0) throw new Error(`${failures} exchanges failed`);

  const serverSide = summary(serverSamples);
  const directSide = summary(directSamples);
  const addedP99Ms = serverSide.p99Ms - directSide.p99Ms;
  const p99Ratio = serverSide.p99Ms / directSide.p99Ms;
  const serverAlone = summary(alone.server);
  const directAlone = summary(alone.direct);
  const addedP99AloneMs = serverAlone.p99Ms - directAlone.p99Ms;
  const results = {
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
      layout:
        layout === 'one-thread'
          ? 'wallet, server and fetch clients on the main thread'
          : ownLoadThread
            ? 'server on the main thread; wallet and fetch clients in worker threads of their own'
            : 'server on the main thread; wallet and fetch clients in one worker thread (fewer than 3 cores)',
    },
    description:
      'POST /api/session with a fresh code (server) vs the same Alipay+ wallet client called directly (direct); embedded wallet; loopback; keep-alive',
    unit: 'exchanges per second; latencies in ms',
    concurrency,
    rounds,
    roundSize,
    server: serverSide,
    direct: directSide,
    addedP99Ms,
    p99Ratio,
    oneAtATime: {
      server: serverAlone,
      direct: directAlone,
      addedP99Ms: addedP99AloneMs,
      p99Ratio: serverAlone.p99Ms / directAlone.p99Ms,
    },
    goals: { perSecond: THROUGHPUT_GOAL, addedP99Ms: ADDED_P99_GOAL_MS },
    withinGoals: {
      perSecond: serverSide.perSecond >= THROUGHPUT_GOAL,
      addedP99Ms: addedP99Ms <= ADDED_P99_GOAL_MS,
      addedP99MsOneAtATime: addedP99AloneMs <= ADDED_P99_GOAL_MS,
    },
  };
  writeFileSync(join(rootDir, 'bench/exchange-results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const rate = (value: number) => `${value.toFixed(0)}/s`;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    `exchange on loopback: concurrency ${concurrency}, ${rounds} rounds of ${roundSize} per side; ${results.environment.layout}\n\n${formatTable(
      ['measure', 'through the server', 'wallet client direct', 'server adds', 'goal'],
      [
        [
          'exchanges per second',
          rate(serverSide.perSecond),
          rate(directSide.perSecond),
          '',
          `>= ${THROUGHPUT_GOAL}/s ${met(results.withinGoals.perSecond)}`,
        ],
        [
          `p50 latency, ${concurrency} in flight`,
          ms(serverSide.p50Ms),
          ms(directSide.p50Ms),
          ms(serverSide.p50Ms - directSide.p50Ms),
          '',
        ],
        [
          `p99 latency, ${concurrency} in flight`,
          ms(serverSide.p99Ms),
          ms(directSide.p99Ms),
          `${ms(addedP99Ms)} (${p99Ratio.toFixed(2)}x)`,
          `<= ${ADDED_P99_GOAL_MS} ms ${met(results.withinGoals.addedP99Ms)}`,
        ],
        [
          'p50 latency, one at a time',
          ms(serverAlone.p50Ms),
          ms(directAlone.p50Ms),
          ms(serverAlone.p50Ms - directAlone.p50Ms),
          '',
        ],
        [
          'p99 latency, one at a time',
          ms(serverAlone.p99Ms),
          ms(directAlone.p99Ms),
          `${ms(addedP99AloneMs)} (${results.oneAtATime.p99Ratio.toFixed(2)}x)`,
          `<= ${ADDED_P99_GOAL_MS} ms ${met(results.withinGoals.addedP99MsOneAtATime)}`,
        ],
      ],
    )}\nwrote bench/exchange-results.json\n`,
  );
} finally {
  await setup.close();
}
