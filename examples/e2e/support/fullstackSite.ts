import { Writable } from 'node:stream';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFullstack, type Fullstack } from '../../server/src/fullstack.ts';

/** A full stack (examples/server) serving one built example, with everything its logger wrote. */
export interface Site {
  url: string;
  fullstack: Fullstack;
  /** The server's log lines, at `trace`. */
  log: string[];
  close(): Promise<void>;
}

/** Starts `startFullstack` on a free port for `staticDir`, the embedded wallet issuing the codes. */
export async function startSite(staticDir: string, options: { codeTtlMs?: number } = {}): Promise<Site> {
  const log: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      log.push(String(chunk));
      callback();
    },
  });
  const fullstack = await startFullstack({
    port: 0,
    staticDir,
    // Not the machine's environment: no WALLET_URL or ORIGIN may switch the wallet or the origin.
    env: {},
    logger: { level: 'trace', stream },
    ...options,
  });
  return { url: fullstack.url, fullstack, log, close: () => fullstack.close() };
}

/** What one browser context did and saw on the site. */
export interface SitePage {
  context: BrowserContext;
  page: Page;
  /** Every `authCode` the page posted to `POST /api/session`, read from the request bodies. */
  postedCodes: string[];
  /** Every code the embedded wallet issued to the page's sheet (`POST /wallet/consent` answers). */
  issuedCodes: string[];
  /** Every URL the page requested or navigated to. */
  urls: string[];
  /** Console messages of any level, and errors (console errors and uncaught exceptions). */
  messages: string[];
  errors: string[];
}

const pathOf = (url: string) => new URL(url).pathname;

/** Opens the site in a new context (a phone's viewport), recording its traffic and console. */
export async function openSite(browser: Browser, url: string, walletUserId?: string): Promise<SitePage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // The super app's signed-in account, as the page's test hooks read it.
  if (walletUserId !== undefined) {
    await context.addInitScript((userId) => {
      Object.assign(window, { __authcodeExampleHooks__: { walletUserId: userId } });
    }, walletUserId);
  }
  const page = await context.newPage();
  const opened: SitePage = {
    context,
    page,
    postedCodes: [],
    issuedCodes: [],
    urls: [],
    messages: [],
    errors: [],
  };
  page.on('request', (request) => {
    opened.urls.push(request.url());
    if (request.method() === 'POST' && pathOf(request.url()) === '/api/session') {
      opened.postedCodes.push((JSON.parse(request.postData() ?? '{}') as { authCode: string }).authCode);
    }
  });
  page.on('response', (response) => {
    if (pathOf(response.url()) !== '/wallet/consent' || !response.ok()) return;
    void response
      .json()
      .then((body: { authCode: string }) => opened.issuedCodes.push(body.authCode))
      .catch(() => undefined);
  });
  page.on('framenavigated', (frame) => opened.urls.push(frame.url()));
  page.on('console', (message) => {
    opened.messages.push(message.text());
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(`${error.name}: ${error.message}`));
  await page.goto(url);
  await page.getByTestId('status').waitFor();
  return opened;
}

/**
 * Chromium logs every HTTP error answer to a `fetch` as a console error. These are the answers the
 * flows here expect: no session (401), a replayed (409) or expired (410) code.
 */
const expectedHttpErrors = /^Failed to load resource: the server responded with a status of (401|409|410) /;

export function unexpectedErrors(opened: SitePage): string[] {
  return opened.errors.filter((error) => !expectedHttpErrors.test(error));
}

/** Everything the page keeps in localStorage, sessionStorage and IndexedDB, as text. Runs in the page. */
export async function dumpStorage(): Promise<string[]> {
  const dump: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index) ?? '';
      dump.push(key, storage.getItem(key) ?? '');
    }
  }
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    dump.push(name);
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    for (const storeName of Array.from(database.objectStoreNames)) {
      const store = database.transaction(storeName, 'readonly').objectStore(storeName);
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (request) =>
            new Promise<unknown>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      dump.push(storeName, JSON.stringify(keys), JSON.stringify(values));
    }
    database.close();
  }
  return dump;
}
