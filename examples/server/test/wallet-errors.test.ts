import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.ts';
import type { WalletClient, WalletToken } from '../src/wallet/types.ts';
import { errorCode, harness, ORIGIN, SAME_ORIGIN, setCookies, type Harness } from './support.ts';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
});

function post(app: Harness['app'], authCode: string) {
  return app.inject({ method: 'POST', url: '/api/session', headers: SAME_ORIGIN, payload: { authCode } });
}

describe('codes the wallet refuses', () => {
  it('a replayed code answers 409 code-used without a second wallet call', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-1');
    expect((await post(h.app, authCode)).statusCode).toBe(200);

    const replay = await post(h.app, authCode);
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toEqual({ error: { code: 'code-used', message: expect.any(String) } });
    expect(setCookies(replay)).toEqual([]);
    expect(h.wallet.calls).toHaveLength(1);
  });

  it('concurrent requests with one code reach the wallet once: one session, the rest code-used', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-1');
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(h.app, authCode)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(h.wallet.calls).toHaveLength(1);
  });

  it('a code that failed once is not sent again (any outcome counts as tried)', async () => {
    h = await harness();
    const first = await post(h.app, 'never-issued');
    expect(errorCode(first)).toBe('code-invalid');
    const again = await post(h.app, 'never-issued');
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('code-used');
    expect(h.wallet.calls).toHaveLength(1);
  });

  it('a code another instance already traded answers 409 code-used (the wallet says so)', async () => {
    h = await harness();
    const other = await buildServer({ wallet: h.wallet, origin: ORIGIN });
    try {
      const authCode = h.wallet.issue('user-1');
      expect((await post(other, authCode)).statusCode).toBe(200);
      const here = await post(h.app, authCode);
      expect(here.statusCode).toBe(409);
      expect(errorCode(here)).toBe('code-used');
      expect(h.wallet.calls).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('an expired code answers 410 code-expired', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-1', ['auth_base'], { ttlMs: 1000 });
    h.clock.now += 1000;
    const response = await post(h.app, authCode);
    expect(response.statusCode).toBe(410);
    expect(response.json()).toEqual({ error: { code: 'code-expired', message: expect.any(String) } });
    expect(setCookies(response)).toEqual([]);
  });

  it('an unknown code answers 400 code-invalid', async () => {
    h = await harness();
    const response = await post(h.app, 'forged-code');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'code-invalid', message: expect.any(String) } });
  });
});

describe('a wallet in trouble', () => {
  it('down: 502 wallet-unavailable', async () => {
    h = await harness();
    h.wallet.mode = 'down';
    const response = await post(h.app, h.wallet.issue('user-1'));
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({ error: { code: 'wallet-unavailable', message: expect.any(String) } });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(setCookies(response)).toEqual([]);
  });

  it('a client that throws something else: 502 wallet-unavailable', async () => {
    h = await harness();
    h.wallet.mode = 'broken';
    const response = await post(h.app, h.wallet.issue('user-1'));
    expect(response.statusCode).toBe(502);
    expect(errorCode(response)).toBe('wallet-unavailable');
  });

  it('slow: 504 wallet-unavailable once walletTimeoutMs passes, and the wallet call is aborted', async () => {
    h = await harness({ walletTimeoutMs: 50 });
    h.wallet.mode = 'slow';
    const started = performance.now();
    const response = await post(h.app, h.wallet.issue('user-1'));
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({ error: { code: 'wallet-unavailable', message: expect.any(String) } });
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(2000);
    expect(h.wallet.calls).toHaveLength(1);
    expect(h.wallet.calls[0]!.signal.aborted).toBe(true);
    expect(setCookies(response)).toEqual([]);
  });

  it('the signal is not aborted when the wallet answers in time', async () => {
    h = await harness({ walletTimeoutMs: 1000 });
    await h.signIn();
    expect(h.wallet.calls[0]!.signal.aborted).toBe(false);
  });

  it('a wallet that ignores the signal still answers 504 on time, and its late token is dropped', async () => {
    let release!: (token: WalletToken) => void;
    const deaf: WalletClient = {
      applyToken: () => new Promise<WalletToken>((resolve) => (release = resolve)),
    };
    h = await harness({ wallet: deaf, walletTimeoutMs: 30 });
    const response = await post(h.app, 'code-1');
    expect(response.statusCode).toBe(504);
    release({ accessToken: 'late-token', userId: 'late', scopes: [] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.sessions.size).toBe(0);
  });

  it('a late rejection after the timeout is swallowed (no unhandled rejection)', async () => {
    let fail!: (error: Error) => void;
    const deaf: WalletClient = {
      applyToken: () => new Promise<WalletToken>((_resolve, reject) => (fail = reject)),
    };
    h = await harness({ wallet: deaf, walletTimeoutMs: 20 });
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      expect((await post(h.app, 'code-1')).statusCode).toBe(504);
      fail(new Error('too late'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('a client that throws synchronously: 502', async () => {
    const wallet: WalletClient = {
      applyToken: () => {
        throw new Error('sync failure');
      },
    };
    h = await harness({ wallet });
    expect((await post(h.app, 'code-1')).statusCode).toBe(502);
  });

  it.each([
    ['nothing', undefined],
    ['no access token', { userId: 'u', scopes: [] }],
    ['empty user', { accessToken: 't', userId: '', scopes: [] }],
    ['scopes not strings', { accessToken: 't', userId: 'u', scopes: [1] }],
    ['an already-expired token', { accessToken: 't', userId: 'u', scopes: [], expiresAt: 0 }],
  ])('a wallet answering %s: 502 and no session', async (_name, token) => {
    const wallet = { applyToken: async () => token } as unknown as WalletClient;
    h = await harness({ wallet });
    const response = await post(h.app, 'code-1');
    expect(response.statusCode).toBe(502);
    expect(errorCode(response)).toBe('wallet-unavailable');
    expect(setCookies(response)).toEqual([]);
    expect(h.sessions.size).toBe(0);
  });

  it('a token without expiresAt signs in, bounded by the session lifetime', async () => {
    const wallet: WalletClient = {
      applyToken: async () => ({ accessToken: 't', userId: 'u', scopes: ['s'] }),
    };
    h = await harness({ wallet, sessionMaxAgeMs: 120_000 });
    const response = await post(h.app, 'code-1');
    expect(response.statusCode).toBe(200);
    expect(setCookies(response)[0]!.attributes['max-age']).toBe('120');
  });

  it('the server keeps answering after the wallet recovers', async () => {
    h = await harness();
    h.wallet.mode = 'down';
    expect((await post(h.app, h.wallet.issue('user-1'))).statusCode).toBe(502);
    h.wallet.mode = 'up';
    expect((await post(h.app, h.wallet.issue('user-1'))).statusCode).toBe(200);
  });
});
