import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installTestHooks, launchChromium } from '../../e2e/support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The built app (`vite build`, adapter-node) served by its `start` script, with a trip-wire on
 * `globalThis.my` in the server process, driven by Chromium. Run `pnpm --filter
 * @authcode/example-sveltekit test`: it builds the app first (the @authcode packages' `dist` must
 * be built).
 */
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const tripwire = join(appDir, 'test', 'tripwire.mjs');
// Words that name the flow's result: none may be serialised into what the server sends.
const flowWords = ['authCode', 'grantedScopes', 'deniedScopes', 'session', 'consenting', 'success'];

const masked = (code: string) => `${code.slice(0, 4)}…`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What the app's server process printed, and the trip-wire's record of reads of `my`. */
interface AppServer {
  url: string;
  process: ChildProcess;
  stdout: string[];
  stderr: string[];
  tripwireLog: string;
}

/** `pnpm start` (the built app) or `pnpm dev`, on a free port, with the trip-wire loaded. */
async function startApp(script: 'start' | 'dev' = 'start'): Promise<AppServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'authcode-sveltekit-'));
  const tripwireLog = join(dir, 'tripwire.log');
  // Its own process group, so that stopping it stops `node build` under pnpm too.
  const args = script === 'start' ? [] : ['--port', String(port), '--strictPort'];
  const child = spawn('pnpm', ['run', '--silent', script, ...args], {
    cwd: appDir,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_OPTIONS: `--import ${tripwire}`,
      AUTHCODE_TRIPWIRE_LOG: tripwireLog,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: AppServer = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    stdout: [],
    stderr: [],
    tripwireLog,
  };
  child.stdout?.on('data', (chunk: Buffer) => server.stdout.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => server.stderr.push(chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pnpm ${script} exited: ${server.stderr.join('')}`);
    try {
      if ((await fetch(`${server.url}/about`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`pnpm ${script} did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopApp(server: AppServer | undefined) {
  const pid = server?.process.pid;
  if (pid && server.process.exitCode === null) process.kill(-pid, 'SIGTERM');
}

function tripwireReads(server: AppServer): string {
  try {
    return readFileSync(server.tripwireLog, 'utf8');
  } catch {
    return '';
  }
}

/** The inline script that starts the app: SvelteKit's payload, with every `load`'s data. */
function payloadOf(html: string): string {
  const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1]!)
    .find((text) => text.includes('kit.start('));
  if (!script) throw new Error('No SvelteKit start script in the HTML');
  return script;
}

interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Every console message, of any level, and every uncaught error. */
  messages: string[];
  issuedCodes(): Promise<string[]>;
}

async function newAppPage(browser: Browser): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(installTestHooks, { insideSuperApp: false });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.name}: ${error.message}`));
  return {
    context,
    page,
    messages,
    issuedCodes: () =>
      page.evaluate(() => [
        ...(window as unknown as { __authcodeExampleHooks__: { issued: string[] } }).__authcodeExampleHooks__
          .issued,
      ]),
  };
}

const statusIs = (page: Page, status: string) =>
  page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
const hydrated = (page: Page) => page.locator('main[data-hydrated="true"]').waitFor();

/** The page's markup without Svelte's hydration comments and the attribute set once hydrated. */
const renderedMarkup = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.page, dialog')]
      .map((element) => element.outerHTML)
      .join('\n')
      .replace(/<!--[^]*?-->/g, '')
      .replace(/ data-hydrated="(true|false)"/g, ''),
  );

describe('the trip-wire', () => {
  it('records a read of `my`, also by `typeof my`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'authcode-tripwire-'));
    const log = join(dir, 'log');
    try {
      const run = spawnSync(process.execPath, ['--import', tripwire, '-e', 'typeof my'], {
        env: { ...process.env, AUTHCODE_TRIPWIRE_LOG: log },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('TRIPWIRE my read');
      expect(readFileSync(log, 'utf8')).toContain('TRIPWIRE my read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SvelteKit example, built and served by `pnpm start`', () => {
  let server: AppServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    stopApp(server);
  });

  it('sends the idle view with its Authorize button, the scopes it will ask for, and no flow state', async () => {
    const response = await fetch(`${server!.url}/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toMatch(/<p[^>]*data-testid="status"[^>]*data-status="idle"/);
    expect(html).toMatch(/<button[^>]*data-testid="authorize"[^>]*>Authorize<\/button>/);
    expect(html).toContain('data-testid="requested-scopes-USER_LOGIN_ID"');
    expect(html).toContain('data-testid="requested-scopes-USER_CONTACTINFO_EMAIL"');
    expect(html).not.toContain('data-testid="result-success"');

    // The payload holds the page's `load` data (what it will ask for), and nothing of the flow.
    const payload = payloadOf(html);
    expect(payload).toContain('selection:{requested:["USER_LOGIN_ID","USER_CONTACTINFO_EMAIL"]');
    for (const word of flowWords) expect(payload).not.toContain(word);
    // The same data, as the browser fetches it on a client-side navigation.
    const data = await (await fetch(`${server!.url}/__data.json`)).text();
    expect(data).toContain('USER_LOGIN_ID');
    for (const word of flowWords) expect(data).not.toContain(word);
  });

  it('hydrates the server’s markup without a message, then runs the flow to a masked code', async () => {
    const { context, page, messages, issuedCodes } = await newAppPage(browser);
    try {
      // Hold the app's JavaScript until the server's markup has been marked.
      let release!: () => void;
      const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
      // Stylesheets pass: a pending one would hold the inline start script, and so the page, too.
      await page.route('**/_app/immutable/**/*.js', async (route) => {
        await scriptsHeld;
        await route.continue();
      });
      await page.goto(`${server!.url}/`, { waitUntil: 'domcontentloaded' });
      const fromServer = await renderedMarkup(page);
      release();
      await hydrated(page);
      // In production Svelte repairs a mismatch without a word: the markup would differ after hydration.
      expect(await renderedMarkup(page)).toBe(fromServer);

      await page.getByTestId('authorize').click();
      await statusIs(page, 'consenting');
      await page.getByTestId('consent-sheet').waitFor({ state: 'visible' });
      await page.getByTestId('sheet-approve-all').click();
      await statusIs(page, 'success');

      const codes = await issuedCodes();
      expect(codes).toHaveLength(1);
      expect((await page.getByTestId('auth-code').textContent())?.trim()).toBe(masked(codes[0]!));
      expect(await page.getByTestId('granted-scopes-USER_LOGIN_ID').count()).toBe(1);
      expect(await page.getByTestId('granted-scopes-USER_CONTACTINFO_EMAIL').count()).toBe(1);
      expect(await page.content()).not.toContain(codes[0]!);
      expect(messages).toEqual([]);

      // The server still renders an idle page for the next request: the browser's flow is not its.
      const html = await (await fetch(`${server!.url}/`)).text();
      expect(html).toContain('data-status="idle"');
      expect(html).not.toContain(masked(codes[0]!));
      expect(html).not.toContain(codes[0]!);
    } finally {
      await context.close();
    }
  });

  it('drops quietly an answer that comes after a client-side navigation away from the page', async () => {
    const { context, page, messages, issuedCodes } = await newAppPage(browser);
    try {
      await page.goto(`${server!.url}/about`);
      await page.getByTestId('about').waitFor();
      // Set on this document: still there after a navigation only if it was client-side.
      await page.evaluate(() => Object.assign(window, { __sameDocument__: true }));
      await page.getByTestId('home-link').click();
      await hydrated(page);
      await page.getByTestId('authorize').click();
      await statusIs(page, 'consenting');
      await page.getByTestId('consent-sheet').waitFor({ state: 'visible' });

      // The super app's back button: SvelteKit navigates client-side, and the page (with its flow) is destroyed.
      await page.evaluate(() => history.back());
      await page.getByTestId('about').waitFor();
      expect(await page.getByTestId('status').count()).toBe(0);
      // The super app's sheet outlives the page that asked: the user answers it now.
      await page.getByTestId('sheet-approve-all').click();
      await page.getByTestId('consent-sheet').waitFor({ state: 'hidden' });
      await expect.poll(issuedCodes).toHaveLength(1);
      // The host answers after its delay (250 ms) with the code: let it arrive.
      await page.waitForTimeout(500);

      // Back on the page: a new flow, idle; the answer went to the stopped one and was dropped.
      await page.getByTestId('home-link').click();
      await hydrated(page);
      expect(await page.getByTestId('status').getAttribute('data-status')).toBe('idle');
      expect(await page.getByTestId('result-success').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __sameDocument__?: boolean }).__sameDocument__)).toBe(
        true,
      );
      expect(messages).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('renders independent idle views for concurrent requests', async () => {
    const pages = await Promise.all([1, 2, 3].map(async () => (await fetch(`${server!.url}/`)).text()));
    for (const html of pages) {
      expect(html).toContain('data-status="idle"');
      expect(html).not.toContain('data-testid="auth-code"');
    }
    // Only the hashed asset names may differ between renders; here nothing does.
    expect(new Set(pages).size).toBe(1);
  });

  it('never read the global `my` on the server, and logged no error', () => {
    expect(tripwireReads(server!)).toBe('');
    expect(server!.stderr.join('')).toBe('');
  });
});

describe('SvelteKit example in `pnpm dev`', () => {
  let server: AppServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startApp('dev'), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    stopApp(server);
  });

  it('hydrates without a warning or a reload, runs the flow, and never reads `my` on the dev server', async () => {
    const { context, page, messages } = await newAppPage(browser);
    try {
      await page.goto(`${server!.url}/`);
      await page.evaluate(() => Object.assign(window, { __sameDocument__: true }));
      await hydrated(page);
      await page.getByTestId('authorize').click();
      await page.getByTestId('sheet-approve-all').click();
      await statusIs(page, 'success');
      // Vite's dependency optimiser would reload the page here if it found a dependency late.
      expect(await page.evaluate(() => (window as { __sameDocument__?: boolean }).__sameDocument__)).toBe(
        true,
      );
      // Svelte's hydration_mismatch and every other dev warning are console messages; Vite's client says hello.
      expect(messages.filter((message) => !message.startsWith('debug: [vite] connect'))).toEqual([]);
      expect(tripwireReads(server!)).toBe('');
    } finally {
      await context.close();
    }
  });
});
