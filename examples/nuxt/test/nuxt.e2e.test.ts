import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isHydrated, launchChromium, startApp, tripwirePath, type RunningApp } from './support';

/** The view's fields: none may be serialised into what the server sends. */
const viewFields = ['authCode', 'grantedScopes', 'deniedScopes', 'isLoading', 'consenting'];

const masked = (code: string) => `${code.slice(0, 4)}…`;

/** The JSON payload Nuxt sends with the page (`<script id="__NUXT_DATA__">`). */
function nuxtData(html: string): string {
  const match = /<script[^>]*id="__NUXT_DATA__"[^>]*>([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('No __NUXT_DATA__ in the HTML');
  return match[1]!;
}

/** The page's console and runtime, for one test. */
interface Opened {
  context: BrowserContext;
  page: Page;
  messages: string[];
  errors: string[];
  /** The codes the simulated host or the fake super app issued. */
  issuedCodes(): Promise<string[]>;
}

/**
 * Before any page script: the examples' test hook, whose `createCode` records each code the
 * simulated host issues so the test knows what must never appear unmasked; and, when asked, a
 * global `my` as a super app defines it, granting every scope.
 */
function installHooks({ insideSuperApp }: { insideSuperApp: boolean }) {
  const issued: string[] = [];
  const createCode = () => {
    let code = 'NUXT';
    for (let index = 0; index < 22; index += 1)
      code += '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 36)];
    issued.push(code);
    return code;
  };
  Object.assign(window, { __authcodeExampleHooks__: { createCode, issued } });
  if (insideSuperApp) {
    Object.assign(window, {
      my: {
        getAuthCode(call: {
          scopes: string[];
          success?: (result: unknown) => void;
          complete?: (result: unknown) => void;
        }) {
          setTimeout(() => {
            const result = { authCode: createCode(), authSuccessScopes: call.scopes, authErrorScopes: {} };
            call.success?.(result);
            call.complete?.(result);
          }, 50);
        },
      },
    });
  }
}

let app: RunningApp;
let browser: Browser;
let opened: Opened | undefined;

async function open(path: string, { insideSuperApp = false } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(installHooks, { insideSuperApp });
  const page = await context.newPage();
  const messages: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    messages.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  await page.goto(`${app.url}${path}`);
  // Hydrated: Nuxt marks the app once it is mounted in the browser.
  await page.waitForFunction(isHydrated);
  opened = {
    context,
    page,
    messages,
    errors,
    issuedCodes: () =>
      page.evaluate(() => [
        ...(window as unknown as { __authcodeExampleHooks__: { issued: string[] } }).__authcodeExampleHooks__
          .issued,
      ]),
  };
  return opened;
}

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// After every browser test: no hydration warning, no console error or warning, and no issued code
// unmasked in the page's HTML, its console or the Nuxt payload the browser holds.
afterEach(async () => {
  if (!opened) return;
  const { page, context, messages, errors, issuedCodes } = opened;
  opened = undefined;
  try {
    expect(errors).toEqual([]);
    expect(messages.filter((message) => /hydrat/i.test(message))).toEqual([]);
    const codes = await issuedCodes();
    const html = await page.content();
    const payload = await page.evaluate(() => {
      const vueApp = (
        document.querySelector('#__nuxt') as { __vue_app__?: { $nuxt?: { payload?: unknown } } } | null
      )?.__vue_app__;
      const seen = new WeakSet<object>();
      return JSON.stringify(vueApp?.$nuxt?.payload ?? null, (_key, value: unknown) => {
        if (typeof value === 'object' && value !== null) {
          if (seen.has(value)) return undefined;
          seen.add(value);
        }
        return value;
      });
    });
    for (const code of codes) {
      expect(html).not.toContain(code);
      expect(payload).not.toContain(code);
      for (const message of messages) expect(message).not.toContain(code);
    }
    for (const field of viewFields) expect(payload).not.toContain(field);
  } finally {
    await context.close();
  }
});

describe('the trip-wire', () => {
  it('records a read of the global `my`, even by `typeof`', () => {
    // The check below is only worth something if the trip-wire fires for the forms code uses.
    const probe = spawnSync(process.execPath, ['--import', tripwirePath, '--eval', 'typeof my'], {
      encoding: 'utf8',
      env: { ...process.env, TRIPWIRE_LOG: '' },
    });
    expect(probe.status).toBe(0);
    expect(probe.stderr).toContain('TRIPWIRE my read');
  });
});

describe('the server', () => {
  it('sends the idle view with its Authorize button and the scopes it will ask for', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).toMatch(/data-testid="status"[^>]*data-status="idle"/);
    expect(html).toMatch(/<button[^>]*data-testid="authorize"[^>]*>Authorize<\/button>/);
    expect(html).toContain('data-testid="scope-row-USER_LOGIN_ID"');
    expect(html).toContain('data-testid="scope-row-USER_CONTACTINFO_EMAIL"');
    expect(html).not.toContain('data-testid="result-success"');
  });

  it('serialises nothing of the flow into the payload or the HTML', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const payload = nuxtData(html);
    // The payload is the devalue JSON Nuxt hydrates from: it parses, and holds none of the view.
    expect(() => JSON.parse(payload) as unknown).not.toThrow();
    for (const field of [...viewFields, 'status', 'idle']) expect(payload).not.toContain(field);
    for (const field of viewFields) expect(html).not.toContain(field);
  });
});

describe('in the browser', () => {
  it('hydrates without a warning, then runs Authorize → sheet → approve → success with a masked code', async () => {
    const { page, issuedCodes } = await open('/');
    await expect(page.getByTestId('host-badge').textContent()).resolves.toContain('Simulated host');
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'consenting');
    await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    expect(code).toBeDefined();
    await expect(page.getByTestId('auth-code').textContent()).resolves.toBe(masked(code!));
    expect(await page.getByTestId('granted-scopes').textContent()).toContain('USER_LOGIN_ID');
    expect(await page.getByTestId('consent-sheet').isVisible()).toBe(false);
  });

  it('renders a fresh idle view for the next request: no flow is shared between requests', async () => {
    const first = await (await fetch(`${app.url}/`)).text();
    // A user elsewhere completes a flow in between.
    const { page } = await open('/');
    await page.getByTestId('authorize').click();
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');
    const second = await (await fetch(`${app.url}/`)).text();
    expect(second).toMatch(/data-testid="status"[^>]*data-status="idle"/);
    expect(second).not.toContain('data-testid="result-success"');
    expect(second).toBe(first);
  });

  it('drops a late answer quietly after a client-side navigation away', async () => {
    const { page, messages } = await open('/about');
    // Client-side navigation to the flow (a marker on window survives only without a reload).
    await page.evaluate(() => Object.assign(window, { __sameDocument__: true }));
    await page.getByTestId('home-link').click();
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'consenting');
    await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
    // Back, as a super app's back button does: the page and its flow go; the host's sheet stays.
    await page.goBack();
    await page.getByTestId('about').waitFor();
    expect(await page.getByTestId('status').count()).toBe(0);
    await page.getByTestId('sheet-approve-all').click();
    // The host answers after its delay (250 ms) to a flow that no longer exists.
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (window as { __sameDocument__?: boolean }).__sameDocument__)).toBe(true);
    expect(messages).toEqual([]);
    // Back on the page: a new flow, idle; the late answer reached no one.
    await page.goForward();
    await waitForStatus(page, 'idle');
    expect(await page.getByTestId('result-success').count()).toBe(0);
  });

  it('uses the super app’s `my` inside a super app, found when the request starts', async () => {
    const { page, issuedCodes } = await open('/', { insideSuperApp: true });
    await expect.poll(() => page.getByTestId('host-badge').textContent()).toContain('Super-app host');
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'success');
    expect(await page.getByTestId('consent-sheet').count()).toBe(0);
    const [code] = await issuedCodes();
    await expect(page.getByTestId('auth-code').textContent()).resolves.toBe(masked(code!));
  });
});

describe('the server process', () => {
  it('never read the global `my` (checked after every request above)', () => {
    const entries = app.tripwire();
    const server = entries.filter((entry) =>
      entry.argv.some((arg) => arg.endsWith('.output/server/index.mjs')),
    );
    expect(server.filter((entry) => entry.event === 'installed')).toHaveLength(1);
    const reads = entries.filter((entry) => entry.event === 'TRIPWIRE my read');
    expect(reads.map((entry) => entry.stack)).toEqual([]);
    // Nor did it warn or fail: it printed only that it listens.
    expect(app.output().trim()).toMatch(
      /^\S*\s*> @authcode\/example-nuxt@0\.0\.0 start[\s\S]*Listening on \S+$/,
    );
  });
});
