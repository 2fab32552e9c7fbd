/**
 * The whole stack over real loopback HTTP with fetch: the page's consent sheet (`POST /wallet/consent`,
 * the embedded wallet), the exchange (`POST /api/session`, the Alipay+ or DANA client signing its calls
 * to the wallet), the session, and the static page, as `pnpm start:fullstack` runs them.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startEmbeddedWallet, type EmbeddedWallet } from '@authcode/embedded-wallet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullstack, type Fullstack } from '../src/fullstack.ts';
import { createWalletClientFromEnv } from '../src/wallet/fromEnv.ts';
import { parseSetCookie } from './support.ts';

/** The embedded wallet's codes and tokens: `2810` and base32. Nothing like it may reach a log. */
const WALLET_SECRET = /2810[A-Z2-7]{20,}/;
const DEFAULT_USER = '2188000000000001';

let staticDir: string;
const started: { close(): Promise<void> }[] = [];

beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'fullstack-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>shop</title><p>fullstack page</p>');
});

afterAll(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
  rmSync(staticDir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startFullstack>[0] = {}): Promise<Fullstack> {
  const fullstack = await startFullstack({ port: 0, staticDir, env: {}, ...options });
  started.push(fullstack);
  return fullstack;
}

/** A client of one server: what its own page would send (`Origin` = the site). */
function site(url: string, headers: Record<string, string> = { origin: url }) {
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    post,
    async consent(scopes: string[] = ['USER_LOGIN_ID'], userId?: string): Promise<string> {
      const response = await post('/wallet/consent', { scopes, ...(userId ? { userId } : {}) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { authCode: string; authSuccessScopes: string[] };
      return body.authCode;
    },
    signIn: (authCode: string, extra: Record<string, string> = {}) =>
      post('/api/session', { authCode }, extra),
    session: (cookie?: string) =>
      fetch(`${url}/api/session`, { headers: cookie === undefined ? {} : { cookie } }),
    signOut: (cookie: string) =>
      fetch(`${url}/api/session`, { method: 'DELETE', headers: { ...headers, cookie } }),
  };
}

async function errorOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

function cookieOf(response: Response): { jar: string; value: string; attributes: Record<string, unknown> } {
  const setCookie = response.headers.getSetCookie();
  expect(setCookie).toHaveLength(1);
  const cookie = parseSetCookie(setCookie[0]!);
  return { jar: `${cookie.name}=${cookie.value}`, value: cookie.value, attributes: cookie.attributes };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startFullstack with the embedded wallet (Alipay+ applyToken)', () => {
  let fullstack: Fullstack;
  let page: ReturnType<typeof site>;
  beforeAll(async () => {
    fullstack = await start();
    page = site(fullstack.url);
  });

  it('answers on a loopback URL and exposes the embedded wallet', () => {
    expect(fullstack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fullstack.wallet).toBeDefined();
    expect(fullstack.wallet!.url).not.toBe(fullstack.url);
  });

  it('consent → sign-in → session → replay is code-used → sign-out', async () => {
    const consent = await page.post('/wallet/consent', { scopes: ['USER_LOGIN_ID', 'USER_NAME'] });
    expect(consent.status).toBe(200);
    expect(consent.headers.get('cache-control')).toBe('no-store');
    const granted = (await consent.json()) as Record<string, unknown>;
    expect(Object.keys(granted).sort()).toEqual(['authCode', 'authSuccessScopes']);
    expect(granted['authCode']).toMatch(/^2810[A-Z2-7]{28}$/);
    expect(granted['authSuccessScopes']).toEqual(['USER_LOGIN_ID', 'USER_NAME']);
    const authCode = granted['authCode'] as string;

    const signedIn = await page.signIn(authCode);
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    expect(await signedIn.json()).toEqual({ userId: DEFAULT_USER, scopes: ['USER_LOGIN_ID', 'USER_NAME'] });
    expect(cookie.attributes['httponly']).toBe(true);
    expect(cookie.attributes['samesite']).toBe('Lax');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await page.session(cookie.jar);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ userId: DEFAULT_USER, scopes: ['USER_LOGIN_ID', 'USER_NAME'] });

    const replay = await page.signIn(authCode, { cookie: cookie.jar });
    expect(replay.status).toBe(409);
    expect(await errorOf(replay)).toBe('code-used');
    expect(replay.headers.getSetCookie()).toEqual([]);

    const out = await page.signOut(cookie.jar);
    expect(out.status).toBe(204);
    expect((await page.session(cookie.jar)).status).toBe(401);
  });

  it('a code the wallet spent already (another server tried it) is code-used, from the wallet', async () => {
    const authCode = await page.consent();
    const elsewhere = createWalletClientFromEnv({}, fullstack.wallet!.merchantConfig());
    await elsewhere.applyToken(authCode, { signal: new AbortController().signal });
    const response = await page.signIn(authCode);
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toBe('code-used');
  });

  it('a made-up code is code-invalid; the page gets a new code and signs in', async () => {
    const response = await page.signIn('2810AAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('code-invalid');
    expect((await page.signIn(await page.consent())).status).toBe(200);
  });

  it('codes name the consenting user and the scopes it granted; an unknown user is refused', async () => {
    const signedIn = await page.signIn(await page.consent(['auth_base'], DEFAULT_USER));
    expect(await signedIn.json()).toEqual({ userId: DEFAULT_USER, scopes: ['auth_base'] });
    const unknown = await page.post('/wallet/consent', { scopes: ['auth_base'], userId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toBe('bad-request');
  });

  it.each([
    ['no scopes', { scopes: [] }],
    ['scopes not an array', { scopes: 'USER_LOGIN_ID' }],
    ['a scope with a space', { scopes: ['USER LOGIN'] }],
    ['a number for a scope', { scopes: [1] }],
    ['an extra property', { scopes: ['auth_base'], authCode: 'x' }],
    ['an empty userId', { scopes: ['auth_base'], userId: '' }],
    ['65 scopes', { scopes: Array.from({ length: 65 }, (_, index) => `S${index}`) }],
    ['not JSON', '{"scopes": ['],
    ['an array', '[]'],
  ])('/wallet/consent with %s: 400 bad-request', async (_name, body) => {
    const response = await page.post('/wallet/consent', body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe('bad-request');
  });

  it('/wallet/consent has a body limit, takes JSON only, and only from this site', async () => {
    const huge = await page.post('/wallet/consent', { scopes: ['auth_base'], pad: 'x'.repeat(10_000) });
    expect(huge.status).toBe(413);
    expect(await errorOf(huge)).toBe('payload-too-large');
    const form = await page.post('/wallet/consent', 'scopes=auth_base', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const evil = site(fullstack.url, { origin: 'https://evil.example' });
    const crossSite = await evil.post('/wallet/consent', { scopes: ['auth_base'] });
    expect(crossSite.status).toBe(403);
    expect(await errorOf(crossSite)).toBe('forbidden-origin');
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a page opened at localhost may post too (the same loopback site)', async () => {
    const port = new URL(fullstack.url).port;
    const local = site(fullstack.url, { origin: `http://localhost:${port}` });
    expect((await local.signIn(await local.consent())).status).toBe(200);
  });

  it('serves the static page; the API answers JSON', async () => {
    const index = await fetch(`${fullstack.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('fullstack page');
    const anonymous = await page.session();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const missing = await fetch(`${fullstack.url}/nothing-here.js`);
    expect(missing.status).toBe(404);
  });
});

describe('mini programs: no Origin, no Sec-Fetch-Site, X-Authcode-Client', () => {
  it('my.request with the header signs in; without it, refused', async () => {
    const fullstack = await start();
    const mini = site(fullstack.url, { 'x-authcode-client': 'miniprogram' });
    const authCode = await mini.consent(['USER_LOGIN_ID']);
    const signedIn = await mini.signIn(authCode);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ userId: DEFAULT_USER, scopes: ['USER_LOGIN_ID'] });
    // The mini program keeps no cookie jar: it shows the answer's userId (README).
    cookieOf(signedIn);

    const bare = site(fullstack.url, {});
    const refused = await bare.signIn(await mini.consent());
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toBe('forbidden-origin');
    expect((await bare.post('/wallet/consent', { scopes: ['auth_base'] })).status).toBe(403);
  });

  it('ALLOW_CLIENT_HEADER=0 turns the rule off', async () => {
    const fullstack = await start({ env: { ALLOW_CLIENT_HEADER: '0' } });
    const mini = site(fullstack.url, { 'x-authcode-client': 'miniprogram' });
    const response = await mini.post('/wallet/consent', { scopes: ['auth_base'] });
    expect(response.status).toBe(403);
  });
});

describe('expiry', () => {
  it('a code past codeTtlMs is code-expired; a new code signs in', async () => {
    const fullstack = await start({ codeTtlMs: 800 });
    expect(fullstack.wallet!.codeTtlMs).toBe(800);
    const page = site(fullstack.url);
    const authCode = await page.consent();
    await sleep(1100); // expired at 800 ms; the wallet forgets it at 1600 ms (then it reads invalid)
    const expired = await page.signIn(authCode);
    expect(expired.status).toBe(410);
    expect(await errorOf(expired)).toBe('code-expired');
    expect((await page.signIn(await page.consent())).status).toBe(200);
  });

  it('WALLET_CODE_TTL_MS sets it from the environment', async () => {
    const fullstack = await start({ env: { WALLET_CODE_TTL_MS: '1234' } });
    expect(fullstack.wallet!.codeTtlMs).toBe(1234);
  });
});

describe('the DANA SNAP client (dana-node) against the embedded wallet', () => {
  it('WALLET_API=dana-snap signs in, replays are code-used, made-up codes code-invalid', async () => {
    const fullstack = await start({ env: { WALLET_API: 'dana-snap' } });
    const page = site(fullstack.url);
    const authCode = await page.consent(['USER_LOGIN_ID']);
    const signedIn = await page.signIn(authCode);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ userId: DEFAULT_USER, scopes: ['USER_LOGIN_ID'] });
    expect(await errorOf(await page.signIn(authCode))).toBe('code-used');
    expect(await errorOf(await page.signIn('2810BBBBBBBBBBBBBBBBBBBBBBBBBBBB'))).toBe('code-invalid');
  });
});

describe('a real wallet by WALLET_URL (here: an embedded wallet started apart)', () => {
  let wallet: EmbeddedWallet;
  beforeAll(async () => {
    wallet = await startEmbeddedWallet();
    started.push(wallet);
  });

  const wrongKey = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;

  it('with the right keys: no wallet of its own, no /wallet/consent, and sign-in works', async () => {
    const config = wallet.merchantConfig();
    const fullstack = await start({
      env: {
        WALLET_URL: config.url,
        WALLET_CLIENT_ID: config.clientId,
        WALLET_PRIVATE_KEY: config.privateKey,
        WALLET_PUBLIC_KEY: config.walletPublicKey,
      },
    });
    expect(fullstack.wallet).toBeUndefined();
    const page = site(fullstack.url);
    const consent = await page.post('/wallet/consent', { scopes: ['auth_base'] });
    expect(consent.status).toBe(404);
    const signedIn = await page.signIn(wallet.issueCode({ scopes: ['USER_LOGIN_ID'] }));
    expect(signedIn.status).toBe(200);
  });

  it.each(['alipay-plus', 'dana-snap'])(
    '%s with the wrong private key: the wallet rejects the signature, 502, and the code is not spent',
    async (api) => {
      const config = wallet.merchantConfig();
      const fullstack = await start({
        env: {
          WALLET_API: api,
          WALLET_URL: config.url,
          WALLET_CLIENT_ID: config.clientId,
          WALLET_PRIVATE_KEY: wrongKey(),
          WALLET_PUBLIC_KEY: config.walletPublicKey,
        },
      });
      const authCode = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
      const refused = await site(fullstack.url).signIn(authCode);
      expect(refused.status).toBe(502);
      expect(await errorOf(refused)).toBe('wallet-unavailable');
      expect(refused.headers.getSetCookie()).toEqual([]);
      // The wallet checked the signature before touching the code: the right merchant can still use it.
      const right = createWalletClientFromEnv({ WALLET_API: api }, config);
      const token = await right.applyToken(authCode, { signal: new AbortController().signal });
      expect(token.userId).toBe(DEFAULT_USER);
    },
  );

  it('a wallet answer signed with the wrong key is refused (502)', async () => {
    const config = wallet.merchantConfig();
    const fullstack = await start({
      env: {
        WALLET_URL: config.url,
        WALLET_CLIENT_ID: config.clientId,
        WALLET_PRIVATE_KEY: config.privateKey,
        WALLET_PUBLIC_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
          type: 'spki',
          format: 'pem',
        }) as string,
      },
    });
    const refused = await site(fullstack.url).signIn(wallet.issueCode({ scopes: ['auth_base'] }));
    expect(refused.status).toBe(502);
    expect(await errorOf(refused)).toBe('wallet-unavailable');
  });

  it('a configuration error names the variable and stops nothing half-started', async () => {
    await expect(
      startFullstack({ port: 0, env: { WALLET_URL: wallet.url, WALLET_CLIENT_ID: 'x' } }),
    ).rejects.toThrow('WALLET_PRIVATE_KEY is not set');
  });
});

/** One whole sign-in as a browser page does it: consent, exchange, read, replay, sign out. */
async function wholeSignIn(url: string): Promise<{ codes: string[]; sessionIds: string[] }> {
  const page = site(url);
  const authCode = await page.consent(['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL']);
  const signedIn = await page.signIn(authCode);
  expect(signedIn.status).toBe(200);
  const cookie = cookieOf(signedIn);
  expect((await page.session(cookie.jar)).status).toBe(200);
  expect((await page.signIn(authCode, { cookie: cookie.jar })).status).toBe(409);
  const invalid = '2810CCCCCCCCCCCCCCCCCCCCCCCCCCCC';
  expect((await page.signIn(invalid)).status).toBe(400);
  expect((await page.signOut(cookie.jar)).status).toBe(204);
  expect((await page.session(cookie.jar)).status).toBe(401);
  return { codes: [authCode, invalid], sessionIds: [cookie.value] };
}

function expectNoSecrets(output: string, secrets: { codes: string[]; sessionIds: string[] }): void {
  expect(output.length).toBeGreaterThan(0);
  for (const code of secrets.codes) expect(output).not.toContain(code);
  for (const id of secrets.sessionIds) expect(output).not.toContain(id);
  expect(output).not.toMatch(WALLET_SECRET);
  expect(output.toLowerCase()).not.toContain('set-cookie');
  expect(output).not.toMatch(/"cookie"/i);
}

describe('no code, token or session id in the output', () => {
  it('the log stream at trace over a whole sign-in', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const fullstack = await start({ logger: { level: 'trace', stream } });
    const secrets = await wholeSignIn(fullstack.url);
    const output = lines.join('');
    expect(output).toContain('signed in');
    expect(output).toContain('consent: the wallet issued a code');
    expectNoSecrets(output, secrets);
  });

  it('stdout and stderr of `pnpm start` (src/main.ts) at LOG_LEVEL=trace', { timeout: 60_000 }, async () => {
    const serverDir = fileURLToPath(new URL('..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env['PATH'], PORT: '0', LOG_LEVEL: 'trace', STATIC_DIR: staticDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
        const look = () => {
          const match = /Merchant site and API: (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', look);
        void exited.then(() => reject(new Error(`exited before listening:\n${output}`)));
      });
      const secrets = await wholeSignIn(url);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"signed in"');
      expectNoSecrets(output, secrets);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
