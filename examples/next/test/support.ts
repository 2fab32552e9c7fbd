import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installTestHooks } from '../../e2e/support/browser';

// Chromium and the examples' test hooks, as every example's browser test uses them.
export { launchChromium } from '../../e2e/support/browser';

export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const tripwireDir = join(appDir, 'test', '.tripwire');
export const tripwire = {
  module: pathToFileURL(join(appDir, 'test', 'tripwire.mjs')).href,
  /** One line per read of `globalThis.my` in a process that loaded the trip-wire. */
  log: join(tripwireDir, 'reads.log'),
  /** One line per process that loaded the trip-wire: proves it was armed where the app rendered. */
  armed: join(tripwireDir, 'armed.log'),
};

export function resetTripwire() {
  rmSync(tripwireDir, { recursive: true, force: true });
  mkdirSync(tripwireDir, { recursive: true });
}

export function readLines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

/** The environment of a process with the trip-wire on `globalThis.my`. */
export function tripwireEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: `--import=${tripwire.module}`,
    AUTHCODE_TRIPWIRE_LOG: tripwire.log,
    AUTHCODE_TRIPWIRE_ARMED: tripwire.armed,
    ...extra,
  };
}

/** Runs a package script of the app to its end; rejects with its output when it fails. */
export function runScript(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['run', script], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pnpm run ${script} exited ${code}:\n${output}`)),
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `pnpm run start` with PORT, in a process group of its own so that stopping ends next too. */
export async function startApp(env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await freePort();
  const child: ChildProcess = spawn('pnpm', ['run', 'start'], {
    cwd: appDir,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/about`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (attempt > 300) {
      await stop();
      throw new Error(`next start did not answer on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => output, stop };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every console message of any level, and uncaught exceptions. */
  messages: string[];
  /** Every request's URL and body, and every server response's body, as text. */
  traffic: string[];
  issuedCodes(): Promise<string[]>;
}

export async function openPage(
  browser: Browser,
  url: string,
  { insideSuperApp = false } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(installTestHooks, { insideSuperApp });
  const page = await context.newPage();
  const messages: string[] = [];
  const traffic: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.name}: ${error.message}`));
  page.on('request', (request) => traffic.push(`${request.url()} ${request.postData() ?? ''}`));
  page.on('response', (response) => {
    void response.text().then(
      (body) => traffic.push(body),
      () => undefined,
    );
  });
  await page.goto(url);
  return {
    context,
    page,
    messages,
    traffic,
    issuedCodes: () =>
      page.evaluate(() => [
        ...(window as unknown as { __authcodeExampleHooks__: { issued: string[] } }).__authcodeExampleHooks__
          .issued,
      ]),
  };
}

/** The RSC payload Next inlines in its HTML (`self.__next_f.push([1, "…"])`), decoded. */
export function inlinedFlightData(html: string): string {
  const chunks: string[] = [];
  for (const match of html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)) {
    const [kind, text] = JSON.parse(match[1]!) as [number, string?];
    if (kind === 1 && typeof text === 'string') chunks.push(text);
  }
  return chunks.join('');
}
