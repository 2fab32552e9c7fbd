import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  inlinedFlightData,
  launchChromium,
  openPage,
  readLines,
  resetTripwire,
  runScript,
  startApp,
  tripwire,
  tripwireEnv,
  type OpenedPage,
  type RunningApp,
} from './support';

/**
 * The built app, served by its `start` script with a trip-wire on `globalThis.my` in the server
 * process (and in the build): the HTML and the RSC payload are read as the server sends them, then
 * Chromium runs the flow. The build runs in beforeAll, so `pnpm run test` is all it takes.
 */

/** What the view of a flow would bring into a payload if it were ever serialised there. */
const flowWords = ['authCode', 'grantedScopes', 'deniedScopes', 'session', 'consenting'];

const masked = (code: string) => `${code.slice(0, 4)}…`;

function isIdleView(html: string): boolean {
  return (
    /<p[^>]*data-testid="status"[^>]*data-status="idle"/.test(html) &&
    /<button(?![^>]*disabled)[^>]*data-testid="authorize"[^>]*>Authorize<\/button>/.test(html)
  );
}

/** Resolves once React has hydrated the Authorize button (a click before that would be lost). */
async function waitForHydration(page: Page) {
  await page.getByTestId('authorize').waitFor();
  await page.waitForFunction(() => {
    const button = document.querySelector('[data-testid="authorize"]');
    return button !== null && Object.keys(button).some((key) => key.startsWith('__reactFiber'));
  });
}

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
}

let app: RunningApp;
let browser: Browser;
let opened: OpenedPage | undefined;

beforeAll(async () => {
  resetTripwire();
  await runScript('build', tripwireEnv());
  app = await startApp(tripwireEnv());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

// After every browser test: not one console message (no hydration warning, no error), and no issued
// code unmasked in the page, its console, or anything sent to or received from the server.
afterEach(async () => {
  if (!opened) return;
  const { page, messages, traffic, context, issuedCodes } = opened;
  opened = undefined;
  try {
    expect(messages).toEqual([]);
    const html = await page.content();
    const text = await page.locator('body').innerText();
    for (const code of await issuedCodes()) {
      const tail = code.slice(4);
      // Booleans, so that a failure does not print the code in the test log.
      expect(html.includes(tail), 'an auth code is unmasked in the HTML').toBe(false);
      expect(text.includes(tail), 'an auth code is unmasked in the text').toBe(false);
      expect(
        traffic.some((item) => item.includes(tail)),
        'an auth code went over the network',
      ).toBe(false);
    }
  } finally {
    await context.close();
  }
});

describe('the Next.js example, built and served by `next start`', () => {
  it('has a trip-wire that records any read of `my`, even `typeof my`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tripwire-'));
    try {
      const log = join(dir, 'reads.log');
      await promisify(execFile)(process.execPath, [`--import=${tripwire.module}`, '-e', 'typeof my'], {
        env: { ...process.env, AUTHCODE_TRIPWIRE_LOG: log, AUTHCODE_TRIPWIRE_ARMED: '' },
      });
      expect(readLines(log)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the idle view with its Authorize button and the scopes it will ask for', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    expect(isIdleView(html)).toBe(true);
    expect(html).toContain('data-testid="scope-USER_LOGIN_ID"');
    expect(html).toContain('data-testid="scope-USER_CONTACTINFO_EMAIL"');
    expect(html).toContain('Simulated host');
    // The sheet is in the HTML, closed and empty.
    expect(html).toMatch(/<dialog(?![^>]*open)[^>]*data-testid="consent-sheet"[^>]*><\/dialog>/);
  });

  it('renders every request on the server, each with its own idle view', async () => {
    const responses = await Promise.all([fetch(`${app.url}/`), fetch(`${app.url}/`)]);
    for (const response of responses) {
      // Rendered for this request, not prerendered at build time.
      expect(response.headers.get('cache-control')).toContain('no-store');
      expect(isIdleView(await response.text())).toBe(true);
    }
  });

  it('serialises nothing of the flow into the HTML, its inlined RSC payload or a navigation payload', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const inlined = inlinedFlightData(html);
    // The payload is there and names the client components: the search below searches something.
    expect(inlined).toContain('AuthCodeRoot');
    expect(inlined).toContain('AuthorizeSection');
    const navigation = await (await fetch(`${app.url}/`, { headers: { RSC: '1' } })).text();
    expect(navigation).toContain('AuthorizeSection');
    for (const word of flowWords) {
      expect(html, word).not.toContain(word);
      expect(inlined, word).not.toContain(word);
      expect(navigation, word).not.toContain(word);
    }
  });

  it('hydrates without a message and runs the flow to a masked code in Chromium', async () => {
    opened = await openPage(browser, `${app.url}/`);
    const { page, issuedCodes } = opened;
    await waitForHydration(page);
    await waitForStatus(page, 'idle');
    await page.getByTestId('authorize').click();
    await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');

    const [code] = await issuedCodes();
    expect(code).toBeDefined();
    expect(((await page.getByTestId('auth-code').textContent()) ?? '').trim()).toBe(masked(code!));
    expect(await page.getByTestId('granted-scopes').locator('li').allTextContents()).toEqual([
      'USER_LOGIN_ID',
      'USER_CONTACTINFO_EMAIL',
    ]);
    expect(await page.getByTestId('consent-sheet').isVisible()).toBe(false);

    // Client-side navigations fetch RSC payloads: the code goes into none of them (afterEach).
    await page.getByTestId('nav-about').click();
    await page.getByTestId('about').waitFor();
    await page.getByTestId('nav-home').click();
    await waitForStatus(page, 'success');
  });

  it('keeps the flow in the root layout across a client-side navigation: an answer given on another route arrives quietly', async () => {
    opened = await openPage(browser, `${app.url}/about`);
    const { page, issuedCodes } = opened;
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByTestId('nav-home').click();
    await waitForHydration(page);
    await page.getByTestId('authorize').click();
    const sheet = page.getByRole('dialog', { name: 'Demo Mini Program' });
    await sheet.waitFor();

    // The back gesture while the sheet is up: the page that asked goes away, the layout stays.
    await page.goBack();
    await page.getByTestId('about').waitFor();
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);
    expect(await page.getByTestId('status').count()).toBe(0);
    await page.getByTestId('sheet-approve-all').click();
    await sheet.waitFor({ state: 'hidden' });

    await page.getByTestId('nav-home').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    expect(((await page.getByTestId('auth-code').textContent()) ?? '').trim()).toBe(masked(code!));
  });

  it('asks the super app’s `my` when there is one, looked up when the request starts', async () => {
    opened = await openPage(browser, `${app.url}/`, { insideSuperApp: true });
    const { page, issuedCodes } = opened;
    await waitForHydration(page);
    // The server said "Simulated host"; the browser corrects it after hydration, without a warning.
    await page.getByText('Super-app host').waitFor();
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    expect(((await page.getByTestId('auth-code').textContent()) ?? '').trim()).toBe(masked(code!));
    // The simulated host was never asked: its sheet never opened.
    expect(await page.getByTestId('consent-sheet').locator('.sheet__app').count()).toBe(0);
  });

  it('never read `my` on the server, in the build nor in `next start`', () => {
    const armed = readLines(tripwire.armed);
    expect(armed.some((line) => /next.*\bbuild\b/.test(line))).toBe(true);
    expect(armed.some((line) => /next.*\bstart\b/.test(line))).toBe(true);
    // On failure this prints where `my` was read.
    expect(readLines(tripwire.log)).toEqual([]);
    expect(app.output()).not.toContain('TRIPWIRE');
  });
});
