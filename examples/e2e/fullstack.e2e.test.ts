import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import {
  dumpStorage,
  openSite,
  startSite,
  unexpectedErrors,
  type Site,
  type SitePage,
} from './support/fullstackSite';

/**
 * The built examples served by the merchant server (`startFullstack`: examples/server), signing in
 * for real: the simulated sheet gets its codes from the embedded wallet, the page posts them to
 * `POST /api/session`, the server trades them with the wallet (signed Alipay+ applyToken) and sets an
 * HttpOnly session cookie. Run `pnpm test:e2e` from the root: it builds the examples first.
 */
const here = dirname(fileURLToPath(import.meta.url));
const distOf = (framework: string) => join(here, '..', framework, 'dist');
const SCREENSHOT = '/tmp/authcode-fullstack-react-signed-in.png';

/** Short enough to wait out; the wallet still says "expired" (not "invalid") until twice this. */
const SHORT_CODE_TTL_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let browser: Browser;
beforeAll(async () => {
  for (const framework of ['react', 'vue', 'svelte']) {
    if (!existsSync(join(distOf(framework), 'index.html'))) {
      throw new Error(`${distOf(framework)} is missing: run \`pnpm build:web\` (pnpm test:e2e does) first.`);
    }
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every page a test opened; checked and closed after it. */
const opened: SitePage[] = [];
/** Every code any page saw, for the server-log checks. */
const everyCode = new Set<string>();

async function open(site: Site, walletUserId?: string): Promise<SitePage> {
  const sitePage = await openSite(browser, site.url, walletUserId);
  opened.push(sitePage);
  return sitePage;
}

// After every test: no unexpected console error, and no code in the page's HTML or text, its console,
// any URL it requested or visited, its storage or its readable cookies.
afterEach(async () => {
  const pages = opened.splice(0);
  try {
    for (const sitePage of pages) {
      const { page, postedCodes, issuedCodes, urls, messages } = sitePage;
      expect(unexpectedErrors(sitePage)).toEqual([]);
      const codes = [...new Set([...postedCodes, ...issuedCodes])];
      codes.forEach((code) => everyCode.add(code));
      const html = await page.content();
      const text = await page.locator('body').innerText();
      const storage = (await page.evaluate(dumpStorage)).join('\n');
      const cookies = await page.evaluate(() => document.cookie);
      for (const code of codes) {
        // Booleans, so that a failure does not print the code in the test log. The examples show no
        // code at all in server mode, not even masked: a 4-character prefix is checked.
        const tail = code.slice(4);
        expect(html.includes(tail), 'a code in the HTML').toBe(false);
        expect(text.includes(tail), 'a code in the text').toBe(false);
        expect(
          messages.some((message) => message.includes(tail)),
          'a code in the console',
        ).toBe(false);
        expect(
          urls.some((url) => url.includes(tail)),
          'a code in a URL',
        ).toBe(false);
        expect(storage.includes(tail), 'a code in storage').toBe(false);
        expect(cookies.includes(tail), 'a code in a cookie').toBe(false);
      }
    }
  } finally {
    await Promise.all(pages.map(({ context }) => context.close()));
  }
});

/** The server's log holds none of the codes its pages saw, and did log the sign-ins. */
function expectNoCodeInLog(site: Site) {
  const output = site.log.join('');
  expect(output).toContain('signed in');
  expect(output).toContain('consent: the wallet issued a code');
  expect(everyCode.size).toBeGreaterThan(0);
  for (const code of everyCode) {
    expect(output.includes(code.slice(4)), 'a code in the server log').toBe(false);
  }
}

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-testid="status"][data-status="${status}"]`).waitFor();
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

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').trim();
}

/** Authorize, then "Allow all" on the sheet: the sheet asks the wallet for a code. */
async function approveOnSheet(page: Page) {
  await page.getByTestId('authorize').click();
  await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
  await page.getByTestId('sheet-approve-all').click();
}

/** Signs in through the sheet; resolves with the userId the server answered the POST with. */
async function signIn(page: Page): Promise<string> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith('/api/session'),
  );
  await approveOnSheet(page);
  const response = await answered;
  expect(response.status()).toBe(200);
  const { userId } = (await response.json()) as { userId: string };
  await page.getByTestId('signed-in').waitFor();
  return userId;
}

async function sessionCookie(sitePage: SitePage, site: Site) {
  const cookies = await sitePage.context.cookies(site.url);
  const session = cookies.filter((cookie) => cookie.name === 'session');
  expect(session).toHaveLength(1);
  return session[0]!;
}

async function sessionStatus(sitePage: SitePage, site: Site): Promise<number> {
  return (await sitePage.page.request.get(`${site.url}/api/session`)).status();
}

describe('React on the merchant server', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(distOf('react'));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('signs in through the sheet: "Signed in as", an HttpOnly cookie, the code nowhere on the page', async () => {
    const sitePage = await open(site);
    const { page } = sitePage;
    expect(await page.getByTestId('signed-in').count()).toBe(0);

    const userId = await signIn(page);
    expect(await textOf(page, 'signed-in-as')).toBe(`Signed in as ${userId}`);
    expect(await textOf(page, 'session-scopes')).toContain('USER_LOGIN_ID');
    await waitForStatus(page, 'success');
    // On a phone the card is below the fold: the page brings it into view and focuses it.
    await expect.poll(() => focusedTestId(page)).toBe('signed-in');
    // The "Authorized" card of the standalone page is not shown: the code was spent on the server.
    expect(await page.getByTestId('result-success').count()).toBe(0);
    expect(sitePage.postedCodes).toHaveLength(1);
    // The code the page posted is the one the wallet issued to its sheet.
    expect(sitePage.issuedCodes).toEqual(sitePage.postedCodes);

    const cookie = await sessionCookie(sitePage, site);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const readable = await page.evaluate(() => document.cookie);
    expect(readable.includes(cookie.value), 'the session cookie is readable from scripts').toBe(false);
    expect(readable).not.toContain('session=');
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('');

    // The card's smooth scroll ends first; the sticky app bar is then drawn at the top of the page.
    await expect.poll(() => isScrolledIntoView(page, 'signed-in')).toBe(true);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });
  });

  it('shows "Signed in as" on load when the cookie holds a live session', async () => {
    const sitePage = await open(site);
    const userId = await signIn(sitePage.page);
    await sitePage.page.reload();
    await sitePage.page.getByTestId('signed-in').waitFor();
    expect(await textOf(sitePage.page, 'signed-in-as')).toBe(`Signed in as ${userId}`);
    await waitForStatus(sitePage.page, 'idle');
    // A session found on load is shown where it is, without taking the focus.
    expect(await focusedTestId(sitePage.page)).not.toBe('signed-in');
    // Another tab of the same browser too.
    const otherTab = await sitePage.context.newPage();
    await otherTab.goto(site.url);
    await otherTab.getByTestId('signed-in').waitFor();
    expect(await textOf(otherTab, 'signed-in-as')).toBe(`Signed in as ${userId}`);
  });

  it('refuses a replay of the code the page sent (code-used), and keeps the session', async () => {
    const sitePage = await open(site);
    await signIn(sitePage.page);
    const [code] = sitePage.postedCodes;
    expect(code).toBeDefined();

    // As the page would send it: same site, same cookie jar.
    const replay = await sitePage.page.request.post(`${site.url}/api/session`, {
      data: { authCode: code },
      headers: { origin: site.url },
    });
    expect(replay.status()).toBe(409);
    expect(await replay.json()).toEqual({
      error: { code: 'code-used', message: 'This authorization code has already been used.' },
    });
    // From a browser with no session either: a fresh context.
    const stranger = await browser.newContext();
    try {
      const fromStranger = await stranger.request.post(`${site.url}/api/session`, {
        data: { authCode: code },
        headers: { origin: site.url },
      });
      expect(fromStranger.status()).toBe(409);
      expect(fromStranger.headers()['set-cookie']).toBeUndefined();
    } finally {
      await stranger.close();
    }
    // A refused sign-in leaves the live session alone.
    expect(await sessionStatus(sitePage, site)).toBe(200);
  });

  it('signs out: the server answers 401 after, and the old cookie value is dead', async () => {
    const sitePage = await open(site);
    const { page } = sitePage;
    await signIn(page);
    const oldCookie = await sessionCookie(sitePage, site);
    expect(await sessionStatus(sitePage, site)).toBe(200);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('signed-in').waitFor({ state: 'detached' });
    await waitForStatus(page, 'idle');
    expect(await page.getByTestId('result-error').count()).toBe(0);
    expect(await sessionStatus(sitePage, site)).toBe(401);
    expect((await sitePage.context.cookies(site.url)).some((cookie) => cookie.name === 'session')).toBe(
      false,
    );

    // The old value, sent on purpose (as a stolen copy would be), opens nothing.
    const replayed = await fetch(`${site.url}/api/session`, {
      headers: { cookie: `session=${oldCookie.value}` },
    });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: { code: 'unauthorized', message: 'No live session.' } });

    await page.reload();
    await page.getByTestId('status').waitFor();
    expect(await page.getByTestId('signed-in').count()).toBe(0);
  });

  it('signs five users in at once, one browser each: five sessions, each its own', async () => {
    const users = [1, 2, 3, 4, 5].map((n) => `218800000000000${n}`);
    const pages = await Promise.all(users.map((userId) => open(site, userId)));
    const userIds = await Promise.all(pages.map(({ page }) => signIn(page)));
    expect(userIds).toEqual(users);
    const cookies = await Promise.all(pages.map((sitePage) => sessionCookie(sitePage, site)));
    expect(new Set(cookies.map((cookie) => cookie.value)).size).toBe(5);
    // Five sign-ins, five codes: none was issued or posted twice.
    const codes = pages.flatMap(({ postedCodes }) => postedCodes);
    expect(new Set(codes).size).toBe(5);

    for (const [index, sitePage] of pages.entries()) {
      const answer = await sitePage.page.request.get(`${site.url}/api/session`);
      expect(answer.status()).toBe(200);
      expect(((await answer.json()) as { userId: string }).userId).toBe(userIds[index]);
      expect(await textOf(sitePage.page, 'signed-in-as')).toBe(`Signed in as ${userIds[index]}`);
    }
    // Signing one out ends that session only.
    await pages[0]!.page.getByTestId('sign-out').click();
    await pages[0]!.page.getByTestId('signed-in').waitFor({ state: 'detached' });
    const statuses = await Promise.all(pages.map((sitePage) => sessionStatus(sitePage, site)));
    expect(statuses).toEqual([401, 200, 200, 200, 200]);
  });

  it('logs the sign-ins and none of the codes', () => {
    expectNoCodeInLog(site);
  });
});

describe.each(['react', 'vue', 'svelte'])(
  '%s on the merchant server, with short-lived codes',
  (framework) => {
    let site: Site;
    beforeAll(async () => {
      site = await startSite(distOf(framework), { codeTtlMs: SHORT_CODE_TTL_MS });
    });
    afterAll(async () => {
      await site?.close();
    });

    it('shows an expired code’s error with "Try again", which asks the sheet for a new code and signs in', async () => {
      const sitePage = await open(site);
      const { page } = sitePage;
      // The first exchange reaches the server after the code's lifetime, as if the network stalled.
      let held = false;
      await page.route('**/api/session', async (route) => {
        if (route.request().method() === 'POST' && !held) {
          held = true;
          await sleep(SHORT_CODE_TTL_MS + 1000);
        }
        await route.continue();
      });

      await approveOnSheet(page);
      await waitForStatus(page, 'failed');
      expect(await textOf(page, 'error-kind')).toBe('exchange');
      expect(await textOf(page, 'server-error-code')).toBe('code-expired');
      expect(await textOf(page, 'error-message')).toContain('This authorization code has expired.');
      const tryAgain = page.getByRole('button', { name: 'Try again' });
      expect(await tryAgain.isVisible()).toBe(true);
      expect(await page.getByTestId('signed-in').count()).toBe(0);
      if (framework === 'react') {
        await page.screenshot({ path: '/tmp/authcode-fullstack-react-expired.png', animations: 'disabled' });
      }

      await tryAgain.click();
      await page.getByRole('dialog', { name: 'Demo Mini Program' }).waitFor();
      await page.getByTestId('sheet-approve-all').click();
      await page.getByTestId('signed-in').waitFor();
      expect(await textOf(page, 'signed-in-as')).toMatch(/^Signed in as \S+$/);
      await expect.poll(() => focusedTestId(page)).toBe('signed-in');
      // Two sheets, two codes: the retry never resent the spent one.
      expect(sitePage.postedCodes).toHaveLength(2);
      expect(new Set(sitePage.postedCodes).size).toBe(2);
      expect(sitePage.issuedCodes).toEqual(sitePage.postedCodes);
      expect(await sessionStatus(sitePage, site)).toBe(200);

      await page.getByTestId('sign-out').click();
      await page.getByTestId('signed-in').waitFor({ state: 'detached' });
      expect(await sessionStatus(sitePage, site)).toBe(401);
    });

    it('logs none of the codes', () => {
      expectNoCodeInLog(site);
    });
  },
);
