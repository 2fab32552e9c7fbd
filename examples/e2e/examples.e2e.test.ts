import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openExample, type ExamplePage, type OpenOptions } from './support/browser';
import { serveStatic, type StaticServer } from './support/staticServer';

/**
 * One spec for the three examples: they share their markup's data-testids, so the same steps drive
 * React, Vue and Svelte. Run `pnpm test:e2e` from the root: it builds the examples first.
 */
const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');
const frameworks = ['react', 'vue', 'svelte'] as const;

/** What each host error code must produce, from the hosts' documentation (hosts.md), not from core. */
const hostErrors = [
  { code: '3', kind: 'host', retryable: true },
  { code: '4', kind: 'host', retryable: false },
  { code: '10', kind: 'host', retryable: true },
  { code: '11', kind: 'declined', retryable: true },
  { code: '12', kind: 'host', retryable: true },
  { code: '13', kind: 'host', retryable: true },
  { code: '14', kind: 'host', retryable: true },
  { code: '15', kind: 'host', retryable: true },
  { code: '101', kind: 'host', retryable: false },
  { code: '1000', kind: 'host', retryable: true },
  { code: '1001', kind: 'declined', retryable: true },
  { code: '1005', kind: 'host', retryable: true },
];

const masked = (code: string) => `${code.slice(0, 4)}…`;

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
}

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').trim();
}

async function testIdsUnder(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('[data-testid]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid') ?? ''));
}

/** The data-testid of the element that has focus, if any. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Whether the element is scrolled into view: its top is visible, and its bottom too when it fits. */
function isScrolledIntoView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const fits = box.height <= window.innerHeight;
    // A pixel of slack: scrolling stops at whole pixels, the box may end at a fraction.
    return box.top >= 0 && box.top < window.innerHeight && (!fits || box.bottom <= window.innerHeight + 1);
  });
}

/** The classes of every visible primary button: one primary action at a time. */
function visiblePrimaryButtons(page: Page): Promise<string[]> {
  return page
    .locator('.button--primary:visible')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid') ?? ''));
}

/** Saves a screenshot to artifacts/, with animations finished and no hover effect. */
async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.mouse.move(0, 0);
  // A sticky header would otherwise be drawn where the page happens to be scrolled to.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, name), fullPage, animations: 'disabled' });
}

/** Opens the consent sheet with the page's default scopes: USER_LOGIN_ID required, email optional. */
async function authorizeAndOpenSheet(page: Page) {
  await page.getByTestId('authorize').click();
  await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
}

let browser: Browser;
beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(frameworks)('%s example', (framework) => {
  const dist = join(here, '..', framework, 'dist');
  let server: StaticServer;
  let example: ExamplePage | undefined;

  const open = async (options?: OpenOptions) => {
    example = await openExample(browser, server.url, options);
    return example;
  };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`${dist} is missing: run \`pnpm build:examples\` (pnpm test:e2e does) first.`);
    }
    server = await serveStatic(dist);
  });
  afterAll(async () => {
    await server?.close();
  });

  // Checked after every test: nothing went wrong in the console, and no issued code ever appeared
  // unmasked in the page's text, its HTML or any console message.
  afterEach(async () => {
    if (!example) return;
    const { page, log, context, issuedCodes } = example;
    example = undefined;
    try {
      expect(log.errors).toEqual([]);
      const codes = await issuedCodes();
      const html = await page.content();
      const text = await page.locator('body').innerText();
      for (const code of codes) {
        const unmaskedTail = code.slice(4);
        // Booleans, so that a failure does not print the code (nor the whole page) in the test log.
        expect(html.includes(unmaskedTail), 'an auth code is unmasked in the HTML').toBe(false);
        expect(text.includes(unmaskedTail), 'an auth code is unmasked in the text').toBe(false);
        const logged = log.messages.some((message) => message.includes(unmaskedTail));
        expect(logged, 'an auth code is unmasked in the console').toBe(false);
      }
    } finally {
      await context.close();
    }
  });

  it('grants every scope and shows the code masked', async () => {
    const { page, issuedCodes } = await open();
    await expect(page.getByTestId('status').getAttribute('aria-live')).resolves.toBe('polite');
    await authorizeAndOpenSheet(page);
    await expect(page.getByTestId('sheet-scope-USER_LOGIN_ID').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('sheet-scope-USER_CONTACTINFO_EMAIL').isChecked()).resolves.toBe(true);
    // The sheet covers the viewport, not the whole page: capture what the user sees.
    await screenshot(page, `${framework}-sheet.png`, { fullPage: false });

    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');

    const [code] = await issuedCodes();
    expect(code).toBeDefined();
    expect(await textOf(page, 'auth-code')).toBe(masked(code!));
    expect(await testIdsUnder(page, 'granted-scopes')).toEqual([
      'granted-scopes-USER_LOGIN_ID',
      'granted-scopes-USER_CONTACTINFO_EMAIL',
    ]);
    expect(await page.getByTestId('denied-scopes').count()).toBe(0);
    expect(await page.getByTestId('consent-sheet').isVisible()).toBe(false);
    // On a phone the result is below the fold: the page brings it into view and focuses it.
    await expect.poll(() => focusedTestId(page)).toBe('result-success');
    await expect.poll(() => isScrolledIntoView(page, 'result-success')).toBe(true);
    await screenshot(page, `${framework}-success.png`);
  });

  it('keeps the sheet header clear of the top edge on a desktop, where the handle is hidden', async () => {
    const { page } = await open({ viewport: { width: 1280, height: 800 } });
    await authorizeAndOpenSheet(page);
    expect(await page.locator('.sheet__handle').isVisible()).toBe(false);
    const gap = await page.getByTestId('consent-sheet').evaluate((sheet) => {
      const header = sheet.querySelector('.sheet__app')!.getBoundingClientRect();
      return header.top - sheet.getBoundingClientRect().top;
    });
    expect(gap).toBeGreaterThanOrEqual(20);
    await screenshot(page, `${framework}-sheet-desktop.png`, { fullPage: false });
  });

  it('grants the ticked scopes and reports the unticked optional one as denied (40006)', async () => {
    const { page, issuedCodes } = await open();
    await authorizeAndOpenSheet(page);
    await page.getByTestId('sheet-scope-USER_CONTACTINFO_EMAIL').uncheck();
    await page.getByTestId('sheet-approve-selected').click();
    await waitForStatus(page, 'success');

    const [code] = await issuedCodes();
    expect(await textOf(page, 'auth-code')).toBe(masked(code!));
    expect(await testIdsUnder(page, 'granted-scopes')).toEqual(['granted-scopes-USER_LOGIN_ID']);
    const denied = await textOf(page, 'denied-scopes-USER_CONTACTINFO_EMAIL');
    expect(denied).toContain('40006');
    expect(denied).toContain('Scope not granted');
  });

  it('fails with kind scope when a required scope is unticked', async () => {
    const { page } = await open();
    await authorizeAndOpenSheet(page);
    await page.getByTestId('sheet-scope-USER_LOGIN_ID').uncheck();
    await page.getByTestId('sheet-approve-selected').click();
    await waitForStatus(page, 'failed');

    expect(await textOf(page, 'error-kind')).toBe('scope');
    expect(await textOf(page, 'error-scopes-USER_LOGIN_ID')).toContain('40006');
    expect(await page.getByTestId('retry').isVisible()).toBe(true);
  });

  it('marks a scope optional or required from the picker', async () => {
    const { page } = await open();
    // Make the phone number optional too: denying it now still succeeds.
    await page.getByTestId('required-USER_LOGIN_ID').uncheck();
    await authorizeAndOpenSheet(page);
    await page.getByTestId('sheet-scope-USER_LOGIN_ID').uncheck();
    await page.getByTestId('sheet-approve-selected').click();
    await waitForStatus(page, 'success');
    expect(await testIdsUnder(page, 'granted-scopes')).toEqual(['granted-scopes-USER_CONTACTINFO_EMAIL']);
    expect(await textOf(page, 'denied-scopes-USER_LOGIN_ID')).toContain('40006');
  });

  it('declines (11), then retries and succeeds', async () => {
    const { page, issuedCodes } = await open();
    await authorizeAndOpenSheet(page);
    await page.getByTestId('sheet-decline').click();
    await waitForStatus(page, 'failed');

    expect(await textOf(page, 'error-kind')).toBe('declined');
    expect(await textOf(page, 'error-code')).toBe('11');
    expect(await textOf(page, 'error-message')).not.toBe('');
    // The status line points to the card rather than repeating its title.
    expect(await textOf(page, 'status')).not.toContain('Authorization failed');
    expect((await page.locator('#result-title').textContent())?.trim()).toBe('Authorization failed');
    // Retry is the one primary action; Authorize steps back.
    expect(await visiblePrimaryButtons(page)).toEqual(['retry']);
    await expect.poll(() => focusedTestId(page)).toBe('result-error');
    await expect.poll(() => isScrolledIntoView(page, 'result-error')).toBe(true);
    await screenshot(page, `${framework}-error.png`);

    await page.getByTestId('retry').click();
    await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    expect(await textOf(page, 'auth-code')).toBe(masked(code!));
  });

  it('reads Escape on the sheet as a refusal (11)', async () => {
    const { page } = await open();
    await authorizeAndOpenSheet(page);
    await page.keyboard.press('Escape');
    await waitForStatus(page, 'failed');
    expect(await textOf(page, 'error-kind')).toBe('declined');
    expect(await textOf(page, 'error-code')).toBe('11');
  });

  it('cancels a flow that is waiting for the host', async () => {
    const { page } = await open();
    await page.getByTestId('host-mode').selectOption('timeout');
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'consenting');
    await page.getByTestId('cancel').click();
    await waitForStatus(page, 'idle');
    expect(await page.getByTestId('result-error').count()).toBe(0);
  });

  it('times out when the host never answers, and Retry asks the host again', async () => {
    const { page } = await open();
    await page.getByTestId('host-mode').selectOption('timeout');
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'consenting');
    expect(await page.getByTestId('consent-sheet').isVisible()).toBe(false);

    await waitForStatus(page, 'failed');
    expect(await textOf(page, 'error-kind')).toBe('timeout');
    // No code is said in words, not shown as if the host had sent the code "none".
    expect(await textOf(page, 'error-code')).toBe('No code from the host');
    expect(await page.getByTestId('error-code').evaluate((element) => element.tagName)).not.toBe('CODE');

    await page.getByTestId('retry').click();
    await waitForStatus(page, 'consenting');
    await waitForStatus(page, 'failed');
    expect(await textOf(page, 'error-kind')).toBe('timeout');
  });

  it('retries a host error once the host answers again', async () => {
    const { page } = await open();
    await page.getByTestId('host-mode').selectOption('error:12');
    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'failed');
    expect(await textOf(page, 'error-code')).toBe('12');

    await page.getByTestId('host-mode').selectOption('sheet');
    await page.getByTestId('retry').click();
    await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');
  });

  it('answers with every host error code, each with its kind and retry rule', async () => {
    const { page } = await open();
    const options = await page
      .getByTestId('host-mode')
      .locator('option')
      .evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value));
    expect(options).toEqual(['sheet', 'timeout', ...hostErrors.map(({ code }) => `error:${code}`)]);

    for (const { code, kind, retryable } of hostErrors) {
      await page.getByTestId('host-mode').selectOption(`error:${code}`);
      await page.getByTestId('authorize').click();
      await waitForStatus(page, 'failed');
      expect(await textOf(page, 'error-code'), `code ${code}`).toBe(code);
      expect(await textOf(page, 'error-kind'), `kind of ${code}`).toBe(kind);
      expect(await textOf(page, 'error-message'), `message of ${code}`).not.toBe('');
      expect(await page.getByTestId('retry').count(), `retry for ${code}`).toBe(retryable ? 1 : 0);
      // One primary action: Retry when asking again can help, none when it cannot.
      const primary = await visiblePrimaryButtons(page);
      expect(primary, `primary action for ${code}`).toEqual(retryable ? ['retry'] : []);
      await page.getByTestId('reset').click();
      await waitForStatus(page, 'idle');
    }
  });

  it('uses the super app host when a global `my` exists', async () => {
    const { page, issuedCodes } = await open({ insideSuperApp: true });
    expect(await textOf(page, 'host-badge')).toBe('Super-app host');
    expect(await page.getByTestId('host-mode').count()).toBe(0);

    await page.getByTestId('authorize').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    expect(await textOf(page, 'auth-code')).toBe(masked(code!));
    expect(await page.getByTestId('consent-sheet').count()).toBe(0);
  });

  it('keeps the inspector out of the main bundle and loads it only with ?inspect', async () => {
    const assets = join(dist, 'assets');
    const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
    const sources = await Promise.all(scripts.map((file) => readFile(join(assets, file), 'utf8')));
    const inspectorChunks = scripts.filter((_, index) => sources[index]!.includes('stately.ai/inspect'));
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(
      await readFile(join(dist, 'index.html'), 'utf8'),
    )?.[1];
    expect(entry).toBeDefined();
    expect(inspectorChunks).toHaveLength(1);
    expect(inspectorChunks).not.toContain(entry);

    const inspectorPath = `/assets/${inspectorChunks[0]}`;
    const firstRequest = server.requests.length;
    let { page } = await open();
    expect(server.requests.slice(firstRequest)).not.toContain(inspectorPath);
    expect(await page.getByTestId('inspector-banner').count()).toBe(0);
    await example!.context.close();
    example = undefined;

    ({ page } = await open({ search: '?inspect' }));
    await page.getByTestId('inspector-banner').waitFor();
    expect(server.requests.slice(firstRequest)).toContain(inspectorPath);
  });

  it('sends the inspector every event with the auth code masked', async () => {
    const { page, context, issuedCodes } = await open({ search: '?inspect' });
    // Stand in for stately.ai/inspect: record what the page posts, after saying hello as it does.
    await context.route('https://stately.ai/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>inspector</title><script>
          window.received = [];
          window.addEventListener('message', (event) => window.received.push(event.data));
          window.opener.postMessage({ type: '@statelyai.connected' }, '*');
        </script>`,
      }),
    );
    const [inspectorWindow] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('open-inspector').click(),
    ]);

    // The inspector opened in front; the page's timers would be throttled behind it.
    await page.bringToFront();
    await authorizeAndOpenSheet(page);
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus(page, 'success');
    const [code] = await issuedCodes();
    await inspectorWindow.waitForFunction(() =>
      (window as unknown as { received: { snapshot?: { value?: unknown } }[] }).received.some(
        (event) => event.snapshot?.value === 'success',
      ),
    );
    const received = JSON.stringify(
      await inspectorWindow.evaluate(() => (window as unknown as { received: unknown[] }).received),
    );
    expect(received).toContain('@xstate.actor');
    expect(received).toContain('HOST.ANSWER');
    expect(received).toContain(masked(code!));
    expect(received.includes(code!.slice(4)), 'the inspector received an unmasked code').toBe(false);
  });
});
