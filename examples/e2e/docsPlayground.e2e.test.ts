import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCodeMachine, maskAuthCode } from '@authcode/core';
import { launchChromium, openExample, type ExamplePage } from './support/browser';
import { docsSiteDist, serveDocsSite, type DocsSiteServer } from './support/docsSiteServer';

/**
 * The docs site's playground (docs/playground.md), built by `pnpm docs:build` (pnpm test:e2e runs it
 * first) and served statically on loopback: the real flow runs a grant, a denial, a timeout and a late
 * second callback, and at each step the diagram's active state, the view, the console, the requests
 * and the page's text are checked.
 */
const artifacts = fileURLToPath(new URL('artifacts', import.meta.url));

let server: DocsSiteServer;
let browser: Browser;
let example: ExamplePage;
let page: Page;
/** Every http(s) and ws request the page made, from its first load on. */
const requests: string[] = [];

/** The machine's state ids, from its own definition: `authCode.idle`, ... */
const stateIds = Object.values(authCodeMachine.root.states).map((node) => node.id);
const idOf = (key: string) => {
  const id = authCodeMachine.root.states[key]?.id;
  if (!id) throw new Error(`authCodeMachine has no state ${key}`);
  return id;
};

/** The mask the docs promise (credential.md): the first four characters, then an ellipsis. */
const masked = (code: string) => `${code.slice(0, 4)}…`;

async function waitForActive(key: string) {
  await page.locator(`[data-testid="state-diagram"] [data-active][data-state="${idOf(key)}"]`).waitFor();
  // Exactly one state is active, and it is the one the status line names.
  expect(await page.locator('[data-testid="state-diagram"] [data-active]').count()).toBe(1);
}

async function waitForStatus(status: string) {
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
}

/** The view's field as the page shows it (masked JSON). */
async function viewField(name: string): Promise<string> {
  return ((await page.locator(`[data-testid="view"] [data-field="${name}"] dd`).textContent()) ?? '').trim();
}

/** What must hold after every step: no console error, only loopback, no raw code anywhere on the page. */
async function expectCleanPage() {
  expect(example.log.errors).toEqual([]);
  const foreign = requests.filter((url) => new URL(url).hostname !== '127.0.0.1');
  expect(foreign).toEqual([]);
  const codes = await example.issuedCodes();
  const html = await page.content();
  const text = await page.locator('body').innerText();
  const shown = codes.filter((code) => html.includes(code) || text.includes(code));
  // Masked in the message too: a failure must not print what it found.
  expect(shown.map(maskAuthCode)).toEqual([]);
  return codes;
}

beforeAll(async () => {
  if (!existsSync(join(docsSiteDist, 'playground.html'))) {
    throw new Error(`${docsSiteDist} has no playground: run \`pnpm docs:build\` (pnpm test:e2e does) first.`);
  }
  await mkdir(artifacts, { recursive: true });
  server = await serveDocsSite();
  browser = await launchChromium();
  example = await openExample(browser, `${server.url}playground.html`, {
    viewport: { width: 1280, height: 900 },
  });
  page = example.page;
  page.on('request', (request) => {
    if (/^(https?|wss?):/.test(request.url())) requests.push(request.url());
  });
  // Again, listening: the first load's requests count too.
  await page.reload();
  await page.getByTestId('authorize').waitFor();
});

afterAll(async () => {
  await example?.context.close();
  await browser?.close();
  await server?.close();
});

describe('the docs playground', () => {
  it('draws every state of the machine, idle active, with an inspector link that loads nothing yet', async () => {
    const drawn = await page
      .locator('[data-testid="state-diagram"] [data-state]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-state')));
    expect([...drawn].sort()).toEqual([...stateIds].sort());
    await waitForActive('idle');
    expect(await viewField('status')).toBe('"idle"');
    await expect(page.getByTestId('open-inspector').textContent()).resolves.toContain('Stately inspector');
    expect(requests.length).toBeGreaterThan(0);
    await expectCleanPage();
  });

  it('runs a grant through the consent sheet: success, the code masked', async () => {
    await page.getByTestId('host-sheet').check();
    await page.getByTestId('authorize').click();
    await page.getByTestId('sheet-approve-all').waitFor();
    await waitForActive('consenting');
    expect(await viewField('isLoading')).toBe('true');
    await page.getByTestId('sheet-approve-all').click();
    await waitForStatus('success');
    await waitForActive('success');

    const codes = await expectCleanPage();
    expect(codes).toHaveLength(1);
    expect(await viewField('authCode')).toBe(JSON.stringify(masked(codes[0]!)));
    expect(JSON.parse(await viewField('grantedScopes'))).toEqual(['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL']);
    // The answer led through the transient `resolving`, which the diagram never shows active.
    await expect(
      page.locator('[data-testid="event-log"] [data-event="HOST.ANSWER"]').last().textContent(),
    ).resolves.toContain('resolving → success');
    // A window as tall as the page: a full-page capture would draw the fixed nav bar mid-page.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height });
    await page.screenshot({ path: join(artifacts, 'docs-playground.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('runs a denial of a required scope with a chosen per-scope code: failed, kind scope', async () => {
    await page.getByTestId('host-deny').check();
    await page.getByTestId('deny-USER_LOGIN_ID').check();
    await page.getByTestId('deny-USER_CONTACTINFO_EMAIL').uncheck();
    await page.getByTestId('scope-code').selectOption('10001');
    await page.getByTestId('authorize').click();
    await waitForStatus('failed');
    await waitForActive('failed');

    expect(JSON.parse(await viewField('deniedScopes'))).toEqual({ USER_LOGIN_ID: '10001' });
    expect(JSON.parse(await viewField('error'))).toMatchObject({ kind: 'scope' });
    expect(await viewField('authCode')).toBe('undefined');
    // The host issued a code with its partial grant; the flow dropped it and the page never shows it.
    expect(await expectCleanPage()).toHaveLength(2);
  });

  it('runs a host that never answers into a timeout, with a short timeout set in the page', async () => {
    // A new timeout is a new flow: it starts in idle.
    await page.getByTestId('timeout-ms').fill('2000');
    await page.getByTestId('timeout-ms').press('Enter');
    await page.getByTestId('timeout-ms').blur();
    await waitForActive('idle');
    await page.getByTestId('host-silent').check();
    await page.getByTestId('authorize').click();
    await waitForActive('consenting');
    await waitForStatus('failed');
    await waitForActive('failed');

    expect(JSON.parse(await viewField('error'))).toMatchObject({ kind: 'timeout' });
    await expect(
      page.locator('[data-testid="event-log"] [data-event="HOST.TIMEOUT"]').textContent(),
    ).resolves.toContain('failed');
    await expectCleanPage();
  });

  it('keeps the first answer when the host calls back a second time, and never shows either code', async () => {
    await page.getByTestId('host-late').check();
    await page.getByTestId('authorize').click();
    await waitForStatus('success');
    await waitForActive('success');
    await page.locator('[data-testid="event-log"] [data-event="host"]').waitFor();
    await waitForActive('success');

    const codes = await expectCleanPage();
    // The grant's code and the late callback's: only the first is in the view, masked.
    expect(codes).toHaveLength(4);
    expect(await viewField('authCode')).toBe(JSON.stringify(masked(codes[2]!)));
  });
});
