import { ANSWER_TYPE, REQUEST_TYPE, SECRET_PARAM, webViewRefusals } from '@authcode/core/hosts';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame } from 'playwright-core';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { launchChromium, type PageLog } from './support/browser';
import { serveStatic, type StaticServer } from './support/staticServer';
import { hasAnswers, postThroughBridge, readBridgeSpy, spyOnBridge } from './support/webViewAttacker';
import { installWebViewBridge, webViewBridgeKeys } from './support/webViewBridge';

/**
 * The React example as an H5 page in a mini program's <web-view>: a simulated mini-program page
 * (webview-shell/) embeds the built example in an iframe, answers its requests with
 * createWebViewResponder, and shows the consent sheet itself.
 */
const here = dirname(fileURLToPath(import.meta.url));
const exampleDist = join(here, '..', 'react', 'dist');

/** The shell issues codes through this hook, so the test knows what must never appear unmasked. */
function installCodeHook() {
  const issued: string[] = [];
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const createCode = () => {
    let code = 'WV2E';
    for (let index = 0; index < 22; index += 1) code += alphabet[Math.floor(Math.random() * alphabet.length)];
    issued.push(code);
    return code;
  };
  Object.assign(window, { __authcodeExampleHooks__: { createCode, issued } });
}

let browser: Browser;
let server: StaticServer;
let root: string;

beforeAll(async () => {
  if (!existsSync(join(exampleDist, 'index.html'))) {
    throw new Error(`${exampleDist} is missing: run \`pnpm build:examples\` (pnpm test:e2e does) first.`);
  }
  // The example at /, the shell page next to it: one origin, as a web-view's page and its bridge share one.
  root = await mkdtemp(join(tmpdir(), 'authcode-webview-'));
  await cp(exampleDist, root, { recursive: true });
  await build({
    entryPoints: [join(here, 'webview-shell', 'shell.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    conditions: ['@authcode/source'],
    outdir: join(root, 'shell'),
    logLevel: 'silent',
  });
  await writeFile(
    join(root, 'shell', 'index.html'),
    await readFile(join(here, 'webview-shell', 'index.html')),
  );
  server = await serveStatic(root);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** The shell with the React example in its frame, loaded; the page's console kept in `log`. */
async function openShell() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const log: PageLog = { messages: [], errors: [] };
  await context.addInitScript(installCodeHook);
  await context.addInitScript(installWebViewBridge, webViewBridgeKeys);
  const shell = await context.newPage();
  shell.on('console', (message) => {
    log.messages.push(message.text());
    if (message.type() === 'error') log.errors.push(message.text());
  });
  shell.on('pageerror', (error) => log.errors.push(`${error.name}: ${error.message}`));
  await shell.goto(`${server.url}shell/`);
  const h5 = shell.frameLocator('#h5');
  await h5.getByTestId('status').waitFor();
  const frame = shell.frames().find((candidate) => candidate !== shell.mainFrame())!;
  const issuedCodes = () =>
    shell.evaluate(() => [
      ...(window as unknown as { __authcodeExampleHooks__: { issued: string[] } }).__authcodeExampleHooks__
        .issued,
    ]);
  /** How often the shell's host was called and how many consent sheets it opened, so far. */
  const hostCounts = async () => {
    const sheet = shell.getByTestId('shell-sheet');
    return {
      hostCalls: Number(await sheet.getAttribute('data-host-calls')),
      sheetsOpened: Number(await sheet.getAttribute('data-sheets-opened')),
    };
  };
  return { context, shell, h5, frame, log, issuedCodes, hostCounts };
}

/** The user authorizes in the H5 page and allows in the shell's sheet, with the example's first scopes. */
async function authorizeAndAllow({ shell, h5 }: Awaited<ReturnType<typeof openShell>>) {
  await h5.getByTestId('authorize').click();
  await shell.getByTestId('shell-sheet').waitFor();
  expect(await shell.getByTestId('shell-sheet-scopes').locator('li').allTextContents()).toEqual([
    'USER_LOGIN_ID',
    'USER_CONTACTINFO_EMAIL',
  ]);
  const screenshots = process.env.E2E_SCREENSHOT_DIR;
  if (screenshots) await shell.screenshot({ path: join(screenshots, 'webview-shell-sheet.png') });
  expect(await h5.getByTestId('consent-sheet').count()).toBe(0);
  await shell.getByTestId('shell-approve').click();
  await h5.locator('[data-testid="status"][data-status="success"]').waitFor();
}

describe('the React example in a simulated <web-view>', () => {
  it('Authorize in the H5 page → the sheet in the mini-program page → approve → success, code masked', async () => {
    const opened = await openShell();
    const { context, shell, h5, frame, log, issuedCodes } = opened;
    try {
      // The H5 page uses the web-view host: no simulated host controls or sheet of its own.
      expect(await h5.getByTestId('host-badge').textContent()).toBe('Super-app host');
      await authorizeAndAllow(opened);

      const issued = await issuedCodes();
      expect(issued).toHaveLength(1);
      const code = issued[0]!;
      expect((await h5.getByTestId('auth-code').textContent())?.trim()).toBe(`${code.slice(0, 4)}…`);
      expect(await shell.getByTestId('shell-sheet').isVisible()).toBe(false);

      const texts = [await frame.content(), await frame.locator('body').innerText(), await shell.content()];
      // Booleans, so that a failure does not print the code in the test log.
      expect(
        texts.some((text) => text.includes(code.slice(4))),
        'an auth code is unmasked',
      ).toBe(false);
      expect(
        log.messages.some((message) => message.includes(code.slice(4))),
        'a code in the console',
      ).toBe(false);
      expect(log.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a script in the H5 page: no secret in the address; forged requests refused; a burst opens one sheet', async () => {
    const opened = await openShell();
    const { context, shell, frame, log, issuedCodes, hostCounts } = opened;
    const spyKeys = { toPage: webViewBridgeKeys.toPage, requestType: REQUEST_TYPE, answerType: ANSWER_TYPE };
    /** Posts `requests` from the frame and returns their answers, in the order of `requests`. */
    const send = async (requests: (Record<string, unknown> & { id: string })[]) => {
      const ids = requests.map((request) => request.id);
      await frame.evaluate(postThroughBridge, requests);
      await frame.waitForFunction(hasAnswers, { ids });
      const { answers } = await frame.evaluate(readBridgeSpy);
      return ids.map((id) => answers.find((answer) => answer.id === id)!);
    };
    const errorOf = (answer: { via: unknown; payload: unknown }) =>
      answer.via === 'fail'
        ? (answer.payload as { error?: unknown } | undefined)?.error
        : `via ${String(answer.via)}`;
    const carriesCode = (answer: { payload: unknown }) =>
      typeof (answer.payload as { authCode?: unknown } | undefined)?.authCode === 'string';
    try {
      await frame.evaluate(spyOnBridge, spyKeys);
      await authorizeAndAllow(opened);
      const [real] = (await frame.evaluate(readBridgeSpy)).requests;
      const secret = real?.secret;
      expect(typeof secret).toBe('string');
      expect(await hostCounts()).toEqual({ hostCalls: 1, sheetsOpened: 1 });

      // (a) The page took the secret out of its address as it started.
      const href = await frame.evaluate(() => window.location.href);
      expect(href).toBe(`${server.url}index.html?webview`);
      expect(
        href.includes(SECRET_PARAM) || href.includes(String(secret)),
        'the secret is in the address',
      ).toBe(false);

      // (b) The public request format without the secret, or with one character wrong: refused, no sheet.
      const scopes = ['USER_LOGIN_ID'];
      const wrongSecret = `${String(secret).slice(0, -1)}${String(secret).endsWith('A') ? 'B' : 'A'}`;
      const forged = await send([
        { type: REQUEST_TYPE, id: 'forged-without-secret', scopes },
        { type: REQUEST_TYPE, id: 'forged-wrong-secret', scopes, secret: wrongSecret },
      ]);
      expect(forged.map(errorOf)).toEqual([webViewRefusals.untrusted, webViewRefusals.untrusted]);
      expect(forged.some(carriesCode)).toBe(false);

      // With the real secret (as a script on the page can copy it), a scope the shell does not allow.
      const [outside] = await send([
        { ...real, id: 'replayed-outside-scope', scopes: ['USER_MONTHLY_INCOME'] },
      ]);
      expect(errorOf(outside!)).toBe(webViewRefusals.scope);
      expect(await hostCounts()).toEqual({ hostCalls: 1, sheetsOpened: 1 });

      // (c) 30 replays of the real request with fresh ids, in one task: one sheet, the rest `busy`.
      const burst = Array.from({ length: 30 }, (_, index) => ({ ...real, id: `replayed-${index}` }));
      const burstIds = burst.map((request) => request.id);
      await frame.evaluate(postThroughBridge, burst);
      await shell.getByTestId('shell-sheet').waitFor();
      // All but the one whose sheet is open are answered at once.
      await frame.waitForFunction(hasAnswers, { ids: burstIds, atLeast: burstIds.length - 1 });
      expect(await hostCounts()).toEqual({ hostCalls: 2, sheetsOpened: 2 });
      await shell.getByTestId('shell-decline').click();
      await frame.waitForFunction(hasAnswers, { ids: burstIds });
      const { answers } = await frame.evaluate(readBridgeSpy);
      const burstErrors = burstIds.map((id) => errorOf(answers.find((answer) => answer.id === id)!));
      expect(burstErrors.filter((error) => error === webViewRefusals.busy)).toHaveLength(29);
      // The one request that reached the sheet was declined there: code 11.
      expect(burstErrors.filter((error) => error !== webViewRefusals.busy)).toEqual([11]);
      expect(await hostCounts()).toEqual({ hostCalls: 2, sheetsOpened: 2 });
      expect(await issuedCodes()).toHaveLength(1);
      expect(log.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The flow core's inspector test runs in a bare engine, here in Chromium with its own WebSocket. */
const inspectedFlowEntry = join(
  here,
  '..',
  '..',
  'packages',
  'core',
  'test',
  'support',
  'inspectedFlow.entry.ts',
);
const RAW_CODE = 'RAWCODE4CHROMIUM7X9Q2K5M8W';

describe('the inspector in Chromium, over WebSocket', () => {
  let inspectorServer: WebSocketServer;
  let bundle: string;

  beforeAll(async () => {
    inspectorServer = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(inspectorServer, 'listening');
    const built = await build({
      entryPoints: [inspectedFlowEntry],
      bundle: true,
      format: 'iife',
      globalName: 'inspected',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0]!.text;
  });
  afterAll(async () => {
    for (const client of inspectorServer.clients) client.terminate();
    await new Promise((resolve) => inspectorServer.close(resolve));
  });

  /** Runs the inspected flow in `frame`; returns what the server received from it. */
  async function inspectFrom(frame: Frame): Promise<string[]> {
    const received: string[] = [];
    const onConnection = (socket: import('ws').WebSocket) =>
      socket.on('message', (data) => received.push(String(data)));
    inspectorServer.on('connection', onConnection);
    try {
      await frame.addScriptTag({ content: bundle });
      const { port } = inspectorServer.address() as AddressInfo;
      const status = await frame.evaluate(
        (options) =>
          (
            window as unknown as {
              inspected: { runInspectedFlow(options: { url: string; code: string }): Promise<string> };
            }
          ).inspected.runInspectedFlow(options),
        { url: `ws://127.0.0.1:${port}`, code: RAW_CODE },
      );
      expect(status).toBe('success');
      const reachedSuccess = () => received.some((text) => /"value":"success"/.test(text));
      // The inspector sends from idle callbacks, after the flow settled: wait until they stop coming.
      for (let tries = 0, quiet = 0, seen = 0; tries < 1000 && (!reachedSuccess() || quiet < 20); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        quiet = received.length === seen ? quiet + 1 : 0;
        seen = received.length;
      }
      return received;
    } finally {
      inspectorServer.off('connection', onConnection);
    }
  }

  function report(where: string, received: string[]) {
    const raw = received.filter((text) => text.includes(RAW_CODE)).length;
    // The mask shows at most four characters (none once the flow has dropped the code).
    const masked = received.filter((text) => /"authCode":"(RAWC)?…"/.test(text)).length;
    process.stdout.write(
      `inspector from ${where}: ${received.length} messages; raw code in ${raw}; masked code in ${masked}\n`,
    );
    expect(received.length).toBeGreaterThan(0);
    expect(received.some((text) => /"value":"success"/.test(text))).toBe(true);
    expect(raw).toBe(0);
    expect(masked).toBeGreaterThan(0);
  }

  it('from an H5 page in the simulated <web-view>', async () => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(installWebViewBridge, webViewBridgeKeys);
      const shell = await context.newPage();
      await shell.goto(`${server.url}shell/`);
      await shell.frameLocator('#h5').getByTestId('status').waitFor();
      const frame = shell.frames().find((candidate) => candidate !== shell.mainFrame())!;
      report('an H5 page in a web-view (Chromium)', await inspectFrom(frame));
    } finally {
      await context.close();
    }
  });

  it('from a desktop browser page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}shell/blank.html`);
      report('a desktop browser page (Chromium)', await inspectFrom(page.mainFrame()));
    } finally {
      await context.close();
    }
  });
});
