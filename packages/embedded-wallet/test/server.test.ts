import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedWallet, type EmbeddedWallet, type EmbeddedWalletOptions } from '../src/index.ts';
import { SecretStore } from '../src/secretStore.ts';
import { alipayPost, makeTestKeys, type TestKeys } from './support.ts';

const applyToken = '/v2/authorizations/applyToken';

let keys: TestKeys;
const started: EmbeddedWallet[] = [];
beforeAll(() => {
  keys = makeTestKeys();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((wallet) => wallet.close()));
});

async function start(options: EmbeddedWalletOptions = {}): Promise<EmbeddedWallet> {
  const wallet = await startEmbeddedWallet({
    merchantPublicKey: keys.merchantPublicKeyPem,
    walletPrivateKey: keys.walletPrivateKeyPem,
    ...options,
  });
  started.push(wallet);
  return wallet;
}

function exchange(wallet: EmbeddedWallet, authCode: string) {
  return alipayPost(
    wallet.url,
    applyToken,
    { grantType: 'AUTHORIZATION_CODE', authCode },
    { clientId: wallet.clientId, privateKey: keys.merchantPrivateKey },
  );
}

describe('the server', () => {
  it('listens on 127.0.0.1 on a free port by default', async () => {
    const wallet = await start();
    expect(wallet.url).toBe(`http://127.0.0.1:${wallet.port}`);
    expect(wallet.port).toBeGreaterThan(0);
    expect(wallet.clientId).toBe('EMBEDDED_TEST_CLIENT');
    expect((await fetch(`${wallet.url}/nowhere`)).status).toBe(404);
  });

  it('generates TEST-ONLY keys when none are given and tells the merchant side its settings', async () => {
    const wallet = await startEmbeddedWallet();
    started.push(wallet);
    expect(wallet.merchantPrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(wallet.walletPublicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(wallet.merchantConfig()).toEqual({
      url: wallet.url,
      clientId: 'EMBEDDED_TEST_CLIENT',
      privateKey: wallet.merchantPrivateKey,
      walletPublicKey: wallet.walletPublicKey,
    });
    const given = await start();
    expect(given.merchantPrivateKey).toBeUndefined();
    expect(() => given.merchantConfig()).toThrow('does not know the private key');
  });

  it('closes: afterwards nothing listens', async () => {
    const wallet = await start();
    await wallet.close();
    await expect(fetch(`${wallet.url}/consent`, { method: 'POST' })).rejects.toThrow();
  });
});

describe('POST /consent', () => {
  it('issues a real code for the scopes, with CORS for a browser consent sheet', async () => {
    const wallet = await start();
    const response = await fetch(`${wallet.url}/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ scopes: ['USER_LOGIN_ID', 'USER_LOGIN_ID', 'USER_NAME'] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { authCode: string; authSuccessScopes: string[] };
    expect(body).toEqual({
      authCode: expect.stringMatching(/^2810[A-Z2-7]{28}$/),
      authSuccessScopes: ['USER_LOGIN_ID', 'USER_NAME'],
      authErrorScopes: {},
    });
    expect((await exchange(wallet, body.authCode)).json.result.resultCode).toBe('SUCCESS');
  });

  it('answers the CORS preflight', async () => {
    const wallet = await start();
    const response = await fetch(`${wallet.url}/consent`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
  });

  it('refuses bad requests', async () => {
    const wallet = await start();
    const post = (body: string) => fetch(`${wallet.url}/consent`, { method: 'POST', body });
    for (const body of [
      '',
      'null',
      '{}',
      '{"scopes":[]}',
      '{"scopes":["a b"]}',
      '{"scopes":["x"],"userId":7}',
    ]) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect((await post('{"scopes":["x"],"userId":"nobody"}')).status).toBe(400);
    expect((await fetch(`${wallet.url}/consent`)).status).toBe(405);
  });
});

describe('issueCode', () => {
  it('makes distinct codes from the CSPRNG', async () => {
    const wallet = await start();
    const codes = new Set(Array.from({ length: 200 }, () => wallet.issueCode({ scopes: ['auth_base'] })));
    expect(codes.size).toBe(200);
  });

  it('refuses bad scopes', async () => {
    const wallet = await start();
    expect(() => wallet.issueCode({ scopes: [] })).toThrow(TypeError);
    expect(() => wallet.issueCode({ scopes: [''] })).toThrow(TypeError);
  });
});

describe('the code store', () => {
  it('keeps at most maxCodes codes, dropping the oldest', async () => {
    const wallet = await start({ maxCodes: 3 });
    const codes = Array.from({ length: 5 }, () => wallet.issueCode({ scopes: ['auth_base'] }));
    expect(wallet.stats().codes).toBe(3);
    expect((await exchange(wallet, codes[0]!)).json.result.resultCode).toBe('INVALID_CODE');
    expect((await exchange(wallet, codes[4]!)).json.result.resultCode).toBe('SUCCESS');
  });

  it('sweeps codes two TTLs after they were issued', async () => {
    let now = 1_000_000;
    const wallet = await start({ now: () => now, codeTtlMs: 100 });
    wallet.issueCode({ scopes: ['auth_base'] });
    wallet.issueCode({ scopes: ['auth_base'] });
    now += 150;
    expect(wallet.stats().codes).toBe(2);
    now += 50;
    expect(wallet.stats().codes).toBe(0);
  });

  it('SecretStore: finds by the secret, evicts the oldest when full, sweeps by time', () => {
    let now = 0;
    const store = new SecretStore<number>({ maxEntries: 2, now: () => now });
    store.set('a', 1, 10);
    store.set('b', 2, 20);
    store.set('c', 3, 30);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([undefined, 2, 3]);
    now = 20;
    expect([store.get('b'), store.get('c'), store.size]).toEqual([undefined, 3, 1]);
    expect(() => new SecretStore({ maxEntries: 0, now: () => 0 })).toThrow(RangeError);
  });
});

describe('fault injection', () => {
  it('delays answers by delayMs', async () => {
    const wallet = await start();
    wallet.setFaults({ delayMs: 300 });
    const began = performance.now();
    const call = await exchange(wallet, wallet.issueCode({ scopes: ['auth_base'] }));
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    expect(call.json.result.resultCode).toBe('SUCCESS');
  });

  it('spends the code of a slow exchange whose caller gave up', async () => {
    const wallet = await start();
    wallet.setFaults({ delayMs: 5_000 });
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const slow = alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      { clientId: wallet.clientId, privateKey: keys.merchantPrivateKey, signal: AbortSignal.timeout(100) },
    );
    await expect(slow).rejects.toThrow();
    wallet.setFaults({ delayMs: 0 });
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('USED_CODE');
  });

  it('answers 503 when unavailable, resets connections when asked, and serves consent all the while', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    wallet.setFaults({ mode: 'unavailable' });
    const down = await fetch(`${wallet.url}${applyToken}`, { method: 'POST', body: '{}' });
    expect(down.status).toBe(503);
    expect(await down.text()).toBe('');
    wallet.setFaults({ mode: 'reset' });
    await expect(
      fetch(`${wallet.url}/v1.0/access-token/b2b2c.htm`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow('fetch failed');
    const consent = await fetch(`${wallet.url}/consent`, {
      method: 'POST',
      body: '{"scopes":["auth_base"]}',
    });
    expect(consent.status).toBe(200);
    wallet.setFaults({ mode: 'normal' });
    expect(wallet.faults.mode).toBe('normal');
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('SUCCESS');
  });

  it('closes at once even with a delayed answer pending', async () => {
    const wallet = await start();
    wallet.setFaults({ delayMs: 60_000 });
    const pending = exchange(wallet, wallet.issueCode({ scopes: ['auth_base'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const began = performance.now();
    await wallet.close();
    expect(performance.now() - began).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});
