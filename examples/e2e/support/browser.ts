import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (see ensure-chromium.sh); Playwright's browser downloads are not used. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What the page's console and runtime said during one test. */
export interface PageLog {
  /** Every console message, of any level, as text. */
  messages: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export interface ExamplePage {
  context: BrowserContext;
  page: Page;
  log: PageLog;
  /** The codes the simulated host (or the fake super app) issued, read from the test hook. */
  issuedCodes(): Promise<string[]>;
}

/** Options for how the page is opened. */
export interface OpenOptions {
  /** Query string, such as `?inspect`. */
  search?: string;
  /** Define a global `my` with getAuthCode before the page loads, as a real super app does. */
  insideSuperApp?: boolean;
  /** The window size; a phone's (390 × 844) unless given. */
  viewport?: { width: number; height: number };
}

/**
 * Installs the examples' test hook before any page script runs: the simulated host makes its codes
 * with `createCode`, which records them so the test knows what must never appear unmasked.
 */
export function installTestHooks(options: { insideSuperApp: boolean }) {
  const issued: string[] = [];
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const createCode = () => {
    let code = 'E2E';
    for (let index = 0; index < 23; index += 1) code += alphabet[Math.floor(Math.random() * alphabet.length)];
    issued.push(code);
    return code;
  };
  Object.assign(window, { __authcodeExampleHooks__: { createCode, issued } });
  if (options.insideSuperApp) {
    // A stand-in for the super app's JSAPI: grants every scope at once, without a sheet.
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

export async function openExample(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<ExamplePage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 390, height: 844 } });
  await context.addInitScript(installTestHooks, { insideSuperApp: options.insideSuperApp ?? false });
  const page = await context.newPage();
  const log: PageLog = { messages: [], errors: [] };
  page.on('console', (message) => {
    log.messages.push(message.text());
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(`${error.name}: ${error.message}`));
  await page.goto(`${url}${options.search ?? ''}`);
  await page.getByTestId('status').waitFor();
  return {
    context,
    page,
    log,
    issuedCodes: () =>
      page.evaluate(() => [
        ...(window as unknown as { __authcodeExampleHooks__: { issued: string[] } }).__authcodeExampleHooks__
          .issued,
      ]),
  };
}
