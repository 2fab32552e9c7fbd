import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownScopes } from '@authcode/core/catalogue';
import { launchChromium } from './support/browser';
import { docsSiteDist, serveDocsSite, type DocsSiteServer } from './support/docsSiteServer';
import { crawlSite } from './support/siteCrawler';

/**
 * The built documentation site (`pnpm docs:build`, which pnpm test:e2e runs first), served statically
 * on loopback as GitHub Pages would serve it.
 */
const artifacts = fileURLToPath(new URL('artifacts', import.meta.url));

let server: DocsSiteServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(join(docsSiteDist, 'index.html'))) {
    throw new Error(`${docsSiteDist} is missing: run \`pnpm docs:build\` (pnpm test:e2e does) first.`);
  }
  await mkdir(artifacts, { recursive: true });
  server = await serveDocsSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the docs site', () => {
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it(
    'loads every page reachable from the home page with no console error, failed request or other host',
    {
      timeout: 180_000,
    },
    async () => {
      const started = Date.now();
      const crawl = await crawlSite(context, server.url);
      console.info(
        `docs site: ${crawl.pages.length} pages, ${crawl.links} links and ${crawl.anchors} heading links followed in ${Date.now() - started} ms`,
      );
      expect(crawl.problems).toEqual([]);
      expect(crawl.foreignRequests).toEqual([]);
      // The crawl really went through the site: the guide, the generated references and the API.
      expect(crawl.pages).toEqual(
        expect.arrayContaining([
          '/',
          '/getting-started/react.html',
          '/state-machine.html',
          '/reference/scopes.html',
          '/api/',
          '/api/@authcode/core/',
        ]),
      );
      expect(crawl.anchors).toBeGreaterThan(0);
    },
  );

  it('finds a scope by name in the local search and opens the scope reference', async () => {
    const scope = 'USER_MONTHLY_INCOME';
    expect(knownScopes).toContain(scope);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    // The search button works once the app has hydrated.
    await page.waitForFunction(() => '__vue_app__' in (document.querySelector('#app') ?? {}));
    await page.screenshot({ path: join(artifacts, 'docs-home.png') });
    await page.keyboard.press('/');
    await page.locator('#localsearch-input').fill(scope);
    const result = page.locator('.VPLocalSearchBox a.result[href*="reference/scopes.html"]').first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/reference\/scopes\.html/);
    await page.getByRole('heading', { level: 1, name: 'Scope reference' }).waitFor();
    await expect(page.locator('.vp-doc').innerText()).resolves.toContain(scope);
    expect(errors).toEqual([]);
    await page.close();
  });
});
