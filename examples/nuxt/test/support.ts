import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const exampleDir = fileURLToPath(new URL('..', import.meta.url));
export const tripwirePath = fileURLToPath(new URL('./tripwire.mjs', import.meta.url));

// Debian's Chromium, launched as every example's browser test does.
export { launchChromium } from '../../e2e/support/browser.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One line the trip-wire wrote: its process, and what happened there. */
export interface TripwireEntry {
  pid: number;
  argv: string[];
  event: 'installed' | 'TRIPWIRE my read';
  stack?: string;
}

export interface RunningApp {
  url: string;
  /** Everything the trip-wire recorded so far, in every process that loaded it. */
  tripwire(): TripwireEntry[];
  /** What the server printed. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built app with `pnpm run start` (node .output/server/index.mjs) on a free port, with
 * the trip-wire loaded into every Node process (`NODE_OPTIONS=--import`), and waits until it answers.
 */
export async function startApp(): Promise<RunningApp> {
  const port = await freePort();
  const tripwireLog = join(mkdtempSync(join(tmpdir(), 'nuxt-tripwire-')), 'tripwire.jsonl');
  let output = '';
  // Its own process group, so that stopping it also stops the server that pnpm started.
  const child: ChildProcess = spawn('pnpm', ['run', 'start'], {
    cwd: exampleDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_OPTIONS: `--import ${tripwirePath}`,
      TRIPWIRE_LOG: tripwireLog,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited before answering:\n${output}`);
    try {
      if ((await fetch(`${url}/about`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The app did not answer on ${url}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    tripwire: () => {
      let text = '';
      try {
        text = readFileSync(tripwireLog, 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TripwireEntry);
    },
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
    },
  };
}

/** True once Nuxt has hydrated the server's HTML (its `isHydrating` turns false). Runs in the page. */
export function isHydrated(): boolean {
  const container = document.querySelector('#__nuxt') as {
    __vue_app__?: { $nuxt?: { isHydrating?: boolean } };
  } | null;
  return container?.__vue_app__?.$nuxt?.isHydrating === false;
}
