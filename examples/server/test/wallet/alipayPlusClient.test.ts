import { sign } from 'node:crypto';
import type { EmbeddedWallet } from '@authcode/embedded-wallet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAlipayPlusClient, type AlipayPlusClientOptions } from '../../src/wallet/alipayPlusClient.ts';
import {
  makeKeys,
  noAbort,
  otherPrivateKey,
  SecretLedger,
  tokenOf,
  walletPool,
  type Keys,
} from './support.ts';

const clientId = 'TEST_ALIPAY_PLUS_MERCHANT';
let keys: Keys;
const pool = walletPool(() => keys);
const ledger = new SecretLedger();

beforeAll(() => {
  keys = makeKeys();
});
afterEach(() => pool.closeAll());
afterAll(() => ledger.expectNoSecretTold());

function clientFor(wallet: EmbeddedWallet, options: Partial<AlipayPlusClientOptions> = {}) {
  return createAlipayPlusClient({
    url: wallet.url,
    clientId,
    privateKey: keys.merchantPrivateKey,
    walletPublicKey: keys.walletPublicKey,
    timeoutMs: 2000,
    ...options,
  });
}

function issue(wallet: EmbeddedWallet, scopes = ['auth_base']): string {
  const code = wallet.issueCode({ scopes });
  ledger.add(code);
  return code;
}

describe('Alipay+ client against the embedded wallet', () => {
  it('trades a code for the token, the user id and the granted scopes', async () => {
    const wallet = await pool.start(clientId);
    const token = await tokenOf(clientFor(wallet), issue(wallet, ['auth_user', 'USER_NAME']));
    ledger.add(token.accessToken);
    expect(token).toEqual({
      accessToken: expect.stringMatching(/^2810[A-Z2-7]{44}$/),
      userId: '2188000000000001',
      scopes: ['auth_user', 'USER_NAME'],
      expiresAt: expect.any(Number),
    });
    expect(token.expiresAt).toBeGreaterThan(Date.now());
  });

  it('reports code-used on the second attempt', async () => {
    const wallet = await pool.start(clientId);
    const client = clientFor(wallet);
    const code = issue(wallet);
    ledger.add((await tokenOf(client, code)).accessToken);
    const error = await ledger.rejects(tokenOf(client, code), 'code-used');
    expect(error.message).toBe('the wallet refused the code (USED_CODE)');
  });

  it('reports code-expired after the TTL', async () => {
    let now = Date.now();
    const wallet = await pool.start(clientId, { codeTtlMs: 1000, now: () => now });
    const code = issue(wallet);
    now += 1000;
    await ledger.rejects(tokenOf(clientFor(wallet), code), 'code-expired');
  });

  it('reports code-invalid for a code the wallet never issued, or one that cannot be a code', async () => {
    const wallet = await pool.start(clientId);
    const never = '2810NEVERISSUEDNEVERISSUEDNEVER';
    ledger.add(never);
    await ledger.rejects(tokenOf(clientFor(wallet), never), 'code-invalid');
    await ledger.rejects(tokenOf(clientFor(wallet), ''), 'code-invalid');
    const long = 'x'.repeat(129);
    ledger.add(long);
    await ledger.rejects(tokenOf(clientFor(wallet), long), 'code-invalid');
  });

  it('sends customerBelongsTo when configured', async () => {
    const wallet = await pool.start(clientId, { customerBelongsTo: 'GCASH' });
    const token = await tokenOf(clientFor(wallet, { customerBelongsTo: 'GCASH' }), issue(wallet));
    ledger.add(token.accessToken);
    await ledger.rejects(tokenOf(clientFor(wallet), issue(wallet)), 'wallet-unavailable');
  });

  it('is refused when it signs with the wrong key; the code stays good', async () => {
    const wallet = await pool.start(clientId);
    const code = issue(wallet);
    const error = await ledger.rejects(
      tokenOf(clientFor(wallet, { privateKey: otherPrivateKey() }), code),
      'wallet-unavailable',
    );
    expect(error.message).toBe('the wallet could not trade the code (INVALID_SIGNATURE)');
    ledger.add((await tokenOf(clientFor(wallet), code)).accessToken);
  });

  it('is refused under another client id', async () => {
    const wallet = await pool.start(clientId);
    const error = await ledger.rejects(
      tokenOf(clientFor(wallet, { clientId: 'SOMEONE_ELSE' }), issue(wallet)),
      'wallet-unavailable',
    );
    expect(error.message).toContain('INVALID_CLIENT');
  });

  it('rejects an answer whose signature was forged', async () => {
    const wallet = await pool.start(clientId);
    wallet.setFaults({ forgeResponseSignature: true });
    const error = await ledger.rejects(tokenOf(clientFor(wallet), issue(wallet)), 'wallet-unavailable');
    expect(error.message).toBe("the wallet's answer does not carry a valid wallet signature");
  });

  it('rejects answers when it trusts another wallet key', async () => {
    const wallet = await pool.start(clientId);
    const stranger = makeKeys().walletPublicKey;
    await ledger.rejects(
      tokenOf(clientFor(wallet, { walletPublicKey: stranger }), issue(wallet)),
      'wallet-unavailable',
    );
  });

  it('times out on a slow wallet, and the slow attempt still spends the code', async () => {
    const wallet = await pool.start(clientId);
    wallet.setFaults({ delayMs: 3000 });
    const code = issue(wallet);
    const began = performance.now();
    const error = await ledger.rejects(
      tokenOf(clientFor(wallet, { timeoutMs: 200 }), code),
      'wallet-unavailable',
    );
    expect(error.message).toBe('the wallet did not answer within 200 ms');
    expect(performance.now() - began).toBeLessThan(2000);
    wallet.setFaults({ delayMs: 0 });
    await ledger.rejects(tokenOf(clientFor(wallet), code), 'code-used');
  });

  it('reports wallet-unavailable when the wallet is down: closed, 503, or resetting connections', async () => {
    const wallet = await pool.start(clientId);
    const client = clientFor(wallet);
    wallet.setFaults({ mode: 'unavailable' });
    expect((await ledger.rejects(tokenOf(client, issue(wallet)), 'wallet-unavailable')).message).toBe(
      'the wallet answered HTTP 503',
    );
    wallet.setFaults({ mode: 'reset' });
    expect((await ledger.rejects(tokenOf(client, issue(wallet)), 'wallet-unavailable')).message).toBe(
      'the wallet could not be reached',
    );
    const code = issue(wallet);
    await wallet.close();
    await ledger.rejects(tokenOf(client, code), 'wallet-unavailable');
  });

  it('reports wallet-unavailable when the exchange fails after the code was spent, then code-used', async () => {
    const wallet = await pool.start(clientId);
    const client = clientFor(wallet);
    wallet.setFaults({ failAfterConsume: true });
    const code = issue(wallet);
    expect((await ledger.rejects(tokenOf(client, code), 'wallet-unavailable')).message).toContain(
      'UNKNOWN_EXCEPTION',
    );
    wallet.setFaults({ failAfterConsume: false });
    await ledger.rejects(tokenOf(client, code), 'code-used');
  });

  it("stops when the caller's signal aborts", async () => {
    const wallet = await pool.start(clientId);
    wallet.setFaults({ delayMs: 3000 });
    const controller = new AbortController();
    const pending = clientFor(wallet).applyToken(issue(wallet), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    const error = await ledger.rejects(pending, 'wallet-unavailable');
    expect(error.message).toBe('the wallet request was aborted');
    const already = AbortSignal.abort();
    await ledger.rejects(
      clientFor(wallet).applyToken(issue(wallet), { signal: already }),
      'wallet-unavailable',
    );
  });
});

describe('Alipay+ result codes', () => {
  /** A wallet stand-in that answers `result` with a valid wallet signature. */
  function answering(result: { resultCode: string; resultStatus: string }, extra: object = {}): typeof fetch {
    return async (input) => {
      const path = new URL(String(input)).pathname;
      const body = JSON.stringify({ result: { ...result, resultMessage: 'm' }, ...extra });
      const responseTime = new Date().toISOString();
      const signature = sign(
        'sha256',
        Buffer.from(`POST ${path}\n${clientId}.${responseTime}.${body}`),
        keys.walletPrivateKey,
      ).toString('base64');
      return new Response(body, {
        headers: {
          'Content-Type': 'application/json',
          'Client-Id': clientId,
          'Response-Time': responseTime,
          Signature: `algorithm=RSA256,keyVersion=1,signature=${encodeURIComponent(signature)}`,
        },
      });
    };
  }
  function client(fetch: typeof globalThis.fetch) {
    return createAlipayPlusClient({
      url: 'https://wallet.example/gateway/',
      clientId,
      privateKey: keys.merchantPrivateKey,
      walletPublicKey: keys.walletPublicKey,
      fetch,
    });
  }

  it.each([
    ['USED_CODE', 'F', 'code-used'],
    ['EXPIRED_CODE', 'F', 'code-expired'],
    ['INVALID_CODE', 'F', 'code-invalid'],
    ['AUTH_CODE_EXPIRED', 'F', 'code-expired'],
    ['AUTH_CODE_ALREADY_USED', 'F', 'code-used'],
    ['INVALID_AUTH_CODE', 'F', 'code-invalid'],
    ['INVALID_SIGNATURE', 'F', 'wallet-unavailable'],
    ['INVALID_CLIENT', 'F', 'wallet-unavailable'],
    ['PARAM_ILLEGAL', 'F', 'wallet-unavailable'],
    ['ACCESS_DENIED', 'F', 'wallet-unavailable'],
    ['USED_REFRESH_TOKEN', 'F', 'wallet-unavailable'],
    ['UNKNOWN_EXCEPTION', 'U', 'wallet-unavailable'],
    ['REQUEST_TRAFFIC_EXCEED_LIMIT', 'U', 'wallet-unavailable'],
  ] as const)('%s (%s) is %s', async (resultCode, resultStatus, expected) => {
    const code = '2810RESULTCODETESTRESULTCODETE';
    ledger.add(code);
    await ledger.rejects(
      client(answering({ resultCode, resultStatus })).applyToken(code, noAbort()),
      expected,
    );
  });

  it('signs the full path under a base URL with a path prefix', async () => {
    let seen = '';
    const fetch: typeof globalThis.fetch = async (input, init) => {
      seen = String(input);
      return answering({ resultCode: 'SUCCESS', resultStatus: 'S' }, { accessToken: 't', customerId: 'c' })(
        input,
        init,
      );
    };
    expect(await client(fetch).applyToken('2810PATHPREFIX', noAbort())).toEqual({
      accessToken: 't',
      userId: 'c',
      scopes: [],
    });
    expect(seen).toBe('https://wallet.example/gateway/v2/authorizations/applyToken');
  });

  it('refuses a success without a token, an unsigned answer and a non-JSON one', async () => {
    const code = '2810MALFORMEDANSWERS';
    ledger.add(code);
    await ledger.rejects(
      client(answering({ resultCode: 'SUCCESS', resultStatus: 'S' })).applyToken(code, noAbort()),
      'wallet-unavailable',
    );
    const unsigned: typeof fetch = async () =>
      new Response(
        JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S' }, accessToken: 'x' }),
      );
    await ledger.rejects(client(unsigned).applyToken(code, noAbort()), 'wallet-unavailable');
    const text: typeof fetch = async (input, init) => {
      const signed = await answering({ resultCode: 'SUCCESS', resultStatus: 'S' })(input, init);
      return new Response('not json', { headers: signed.headers });
    };
    await ledger.rejects(client(text).applyToken(code, noAbort()), 'wallet-unavailable');
  });

  it('never repeats a result code that carries the auth code', async () => {
    const code = 'CODE_ECHO';
    ledger.add(code);
    const error = await ledger.rejects(
      client(answering({ resultCode: 'CODE_ECHO', resultStatus: 'F' })).applyToken(code, noAbort()),
      'code-invalid',
    );
    expect(error.message).toBe('the wallet refused the code (unnamed result)');
  });

  it('refuses to start with a bad key or timeout', () => {
    const base = { url: 'http://127.0.0.1:1', clientId, walletPublicKey: keys.walletPublicKey };
    expect(() => createAlipayPlusClient({ ...base, privateKey: 'not a key' })).toThrow();
    expect(() =>
      createAlipayPlusClient({ ...base, privateKey: keys.merchantPrivateKey, timeoutMs: 0 }),
    ).toThrow(RangeError);
  });
});
