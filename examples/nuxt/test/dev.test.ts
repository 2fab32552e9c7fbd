import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exampleDir, freePort, isHydrated, launchChromium } from './support';

/**
 * `nuxt dev` from a cold Vite cache: the first page load must not make Vite discover dependencies,
 * re-optimise them and reload the page (nuxt.config.ts lists them in `vite.optimizeDeps.include`).
 */
let browser: Browser;
let stopDev: (() => Promise<void>) | undefined;
let devOutput = '';
let url = '';

beforeAll(async () => {
  // A cold start, as on a fresh clone: Vite's pre-bundled dependencies live in Nuxt's cache.
  rmSync(join(exampleDir, 'node_modules/.cache/vite'), { recursive: true, force: true });
  rmSync(join(exampleDir, 'node_modules/.cache/nuxt'), { recursive: true, force: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const child = spawn('pnpm', ['exec', 'nuxt', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: exampleDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', CI: '1' },
  });
  child.stdout.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stopDev = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nuxt dev exited:\n${devOutput}`);
    try {
      if ((await fetch(`${url}/about`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`nuxt dev did not answer:\n${devOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stopDev?.();
});

it('loads the page once, with no dependency re-optimisation reload', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let loads = 0;
  page.on('load', () => (loads += 1));
  await page.goto(`${url}/`);
  await page.locator('[data-testid="status"][data-status="idle"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(isHydrated);
  // A re-optimisation reload comes a moment after the first load: give it time to show.
  await page.waitForTimeout(3_000);
  await context.close();
  expect(devOutput).not.toMatch(
    /discovered new dependencies|optimized dependencies changed|new dependencies optimized|reloading/i,
  );
  expect(loads).toBe(1);
}, 60_000);
