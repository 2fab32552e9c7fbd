import { createPublicKey, verify } from 'node:crypto';
import type { EmbeddedWallet } from '@authcode/embedded-wallet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDanaSnapClient, type DanaSnapClientOptions } from '../../src/wallet/danaSnapClient.ts';
import {
  makeKeys,
  noAbort,
  otherPrivateKey,
  SecretLedger,
  tokenOf,
  walletPool,
  type Keys,
} from './support.ts';

const partnerId = '2025010100000000000001';
let keys: Keys;
const pool = walletPool(() => keys);
const ledger = new SecretLedger();

beforeAll(() => {
  keys = makeKeys();
});
afterEach(() => pool.closeAll());
afterAll(() => ledger.expectNoSecretTold());

function clientFor(wallet: EmbeddedWallet, options: Partial<DanaSnapClientOptions> = {}) {
  return createDanaSnapClient({
    url: wallet.url,
    partnerId,
    privateKey: keys.merchantPrivateKey,
    timeoutMs: 2000,
    ...options,
  });
}

function issue(wallet: EmbeddedWallet, scopes = ['USER_LOGIN_ID']): string {
  const code = wallet.issueCode({ scopes });
  ledger.add(code);
  return code;
}

describe('DANA client (dana-node 1.5.11) against the embedded wallet', () => {
  it('trades a code for the token, the user id and the granted scopes', async () => {
    const wallet = await pool.start(partnerId);
    const token = await tokenOf(clientFor(wallet), issue(wallet, ['USER_LOGIN_ID', 'KYC_INFO']));
    ledger.add(token.accessToken);
    expect(token).toEqual({
      accessToken: expect.stringMatching(/^2810[A-Z2-7]{44}$/),
      userId: '2188000000000001',
      scopes: ['USER_LOGIN_ID', 'KYC_INFO'],
      expiresAt: expect.any(Number),
    });
    // `+07:00` times, read to the second.
    expect(Math.abs(token.expiresAt! - (Date.now() + 3_600_000))).toBeLessThan(5000);
  });

  it('sends what the SDK sends: the SNAP path, X-CLIENT-KEY, X-TIMESTAMP and the signature of both', async () => {
    const wallet = await pool.start(partnerId);
    const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push({
        url: String(input),
        headers: init?.headers as Record<string, string>,
        body: String(init?.body),
      });
      return fetch(input, init);
    };
    const code = issue(wallet);
    ledger.add((await tokenOf(clientFor(wallet, { fetch: recording }), code)).accessToken);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.url).toBe(`${wallet.url}/v1.0/access-token/b2b2c.htm`);
    expect(JSON.parse(request!.body)).toEqual({ grantType: 'AUTHORIZATION_CODE', authCode: code });
    const {
      'X-CLIENT-KEY': clientKey,
      'X-TIMESTAMP': timestamp,
      'X-SIGNATURE': signature,
    } = request!.headers;
    expect(clientKey).toBe(partnerId);
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
    expect(
      verify(
        'sha256',
        Buffer.from(`${partnerId}|${timestamp}`),
        createPublicKey(keys.merchantPublicKey),
        Buffer.from(signature!, 'base64'),
      ),
    ).toBe(true);
  });

  it('reports code-used, code-expired and code-invalid from 4017400 answers', async () => {
    let now = Date.now();
    const wallet = await pool.start(partnerId, { codeTtlMs: 1000, now: () => now });
    const client = clientFor(wallet);
    const code = issue(wallet);
    ledger.add((await tokenOf(client, code)).accessToken);
    expect((await ledger.rejects(tokenOf(client, code), 'code-used')).message).toBe(
      'the wallet refused the code (4017400)',
    );
    const late = issue(wallet);
    now += 1000;
    await ledger.rejects(tokenOf(client, late), 'code-expired');
    const never = 'never-issued-code';
    ledger.add(never);
    await ledger.rejects(tokenOf(client, never), 'code-invalid');
  });

  it('is refused when it signs with the wrong key; the code stays good', async () => {
    const wallet = await pool.start(partnerId);
    const code = issue(wallet);
    await ledger.rejects(
      tokenOf(clientFor(wallet, { privateKey: otherPrivateKey() }), code),
      'wallet-unavailable',
    );
    ledger.add((await tokenOf(clientFor(wallet), code)).accessToken);
  });

  it('takes a PKCS#1 key or a PEM with literal \\n', async () => {
    const wallet = await pool.start(partnerId);
    for (const privateKey of [keys.merchantPkcs1PrivateKey, keys.merchantPrivateKey.replace(/\n/g, '\\n')]) {
      ledger.add((await tokenOf(clientFor(wallet, { privateKey }), issue(wallet))).accessToken);
    }
  });

  it('times out on a slow wallet', async () => {
    const wallet = await pool.start(partnerId);
    wallet.setFaults({ delayMs: 3000 });
    const began = performance.now();
    const error = await ledger.rejects(
      tokenOf(clientFor(wallet, { timeoutMs: 200 }), issue(wallet)),
      'wallet-unavailable',
    );
    expect(error.message).toBe('the wallet did not answer within 200 ms');
    expect(performance.now() - began).toBeLessThan(2000);
  });

  it('reports wallet-unavailable when the wallet is down: closed, 503, resetting, or failing', async () => {
    const wallet = await pool.start(partnerId);
    const client = clientFor(wallet);
    wallet.setFaults({ mode: 'unavailable' });
    expect((await ledger.rejects(tokenOf(client, issue(wallet)), 'wallet-unavailable')).message).toBe(
      "the wallet's HTTP 503 answer could not be read",
    );
    wallet.setFaults({ mode: 'reset' });
    expect((await ledger.rejects(tokenOf(client, issue(wallet)), 'wallet-unavailable')).message).toBe(
      'the wallet could not be reached',
    );
    wallet.setFaults({ mode: 'normal', failAfterConsume: true });
    const code = issue(wallet);
    expect((await ledger.rejects(tokenOf(client, code), 'wallet-unavailable')).message).toBe(
      'the wallet could not trade the code (5007401)',
    );
    wallet.setFaults({ failAfterConsume: false });
    await ledger.rejects(tokenOf(client, code), 'code-used');
    await wallet.close();
    await ledger.rejects(tokenOf(client, issue(wallet)), 'wallet-unavailable');
  });

  it("stops when the caller's signal aborts", async () => {
    const wallet = await pool.start(partnerId);
    wallet.setFaults({ delayMs: 3000 });
    const controller = new AbortController();
    const pending = clientFor(wallet).applyToken(issue(wallet), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await ledger.rejects(pending, 'wallet-unavailable')).message).toBe(
      'the wallet request was aborted',
    );
  });
});

describe('DANA answers outside the embedded wallet', () => {
  function answering(status: number, body: unknown): typeof fetch {
    return async () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }
  function client(fetch: typeof globalThis.fetch) {
    return createDanaSnapClient({
      url: 'https://dana.example',
      partnerId,
      privateKey: keys.merchantPrivateKey,
      fetch,
    });
  }
  const code = 'outside-code-0001';

  it.each([
    [401, '4017400', 'Unauthorized. Auth Code Used', 'code-used'],
    [401, '4017400', 'Unauthorized. Auth Code Expired', 'code-expired'],
    [401, '4017400', 'Unauthorized. Invalid Auth Code', 'code-invalid'],
    [401, '4017400', 'java.security.SignatureException: Signature length not correct', 'wallet-unavailable'],
    [400, '4007401', 'Invalid Field Format authCode', 'code-invalid'],
    [400, '4007402', 'Invalid Mandatory Field X-TIMESTAMP', 'wallet-unavailable'],
    [500, '5007400', 'General Error', 'wallet-unavailable'],
    [200, '4017400', 'Unauthorized. Auth Code Used', 'code-used'],
  ] as const)('HTTP %i %s "%s" is %s', async (status, responseCode, responseMessage, expected) => {
    ledger.add(code);
    await ledger.rejects(
      client(answering(status, { responseCode, responseMessage })).applyToken(code, noAbort()),
      expected,
    );
  });

  it('refuses a success without a user id, and reports no scopes when DANA names none', async () => {
    await ledger.rejects(
      client(
        answering(200, { responseCode: '2007400', responseMessage: 'Successful', accessToken: 'a' }),
      ).applyToken(code, noAbort()),
      'wallet-unavailable',
    );
    const token = await client(
      answering(200, {
        responseCode: '2007400',
        responseMessage: 'Successful',
        accessToken: 'outside-access-token',
        additionalInfo: { userInfo: { publicUserId: 'p-1' } },
      }),
    ).applyToken(code, noAbort());
    expect(token).toEqual({ accessToken: 'outside-access-token', userId: 'p-1', scopes: [] });
  });

  it('reports code-invalid for a code the SDK model refuses (longer than 256)', async () => {
    const long = 'y'.repeat(257);
    ledger.add(long);
    await ledger.rejects(client(answering(200, {})).applyToken(long, noAbort()), 'code-invalid');
    await ledger.rejects(client(answering(200, {})).applyToken('', noAbort()), 'code-invalid');
  });
});
