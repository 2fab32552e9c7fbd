import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_HEADER, originAllowed, originPolicy, toOrigin } from '../src/origin.ts';
import { cookieHeader, harness, ORIGIN, type Harness } from './support.ts';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
});

describe('origin policy (unit)', () => {
  const policy = originPolicy('http://127.0.0.1:8787/', ['https://m.shop.example']);

  it.each([
    [{ origin: 'http://127.0.0.1:8787' }, true],
    [{ origin: 'https://m.shop.example' }, true],
    [{ origin: 'https://m.shop.example', 'sec-fetch-site': 'cross-site' }, true],
    [{ origin: 'http://127.0.0.1:8787', 'sec-fetch-site': 'same-origin' }, true],
    [{ origin: 'http://localhost:8787' }, false],
    [{ origin: 'http://127.0.0.1:8788' }, false],
    [{ origin: 'https://127.0.0.1:8787' }, false],
    [{ origin: 'http://127.0.0.1:8787/' }, false],
    [{ origin: 'HTTP://127.0.0.1:8787' }, false],
    [{ origin: 'http://127.0.0.1:8787.evil.example' }, false],
    [{ origin: 'null' }, false],
    [{ origin: '' }, false],
    [{ origin: ['http://127.0.0.1:8787', 'https://evil.example'] }, false],
    [{ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'same-origin' }, true],
    [{ 'sec-fetch-site': 'same-site' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{}, false],
  ])('%j → %s', (headers, allowed) => {
    expect(originAllowed(policy, headers)).toBe(allowed);
  });

  it('X-Authcode-Client admits a request with neither header, only when allowed and non-empty', () => {
    const lenient = originPolicy(ORIGIN, [], true);
    expect(originAllowed(lenient, { [CLIENT_HEADER]: 'miniprogram' })).toBe(true);
    expect(originAllowed(lenient, { [CLIENT_HEADER]: 'taro/4.2' })).toBe(true);
    // Neither Origin, Sec-Fetch-Site nor the custom header: an old browser's form, say.
    expect(originAllowed(lenient, {})).toBe(false);
    expect(originAllowed(lenient, { [CLIENT_HEADER]: '' })).toBe(false);
    expect(originAllowed(lenient, { [CLIENT_HEADER]: '   ' })).toBe(false);
    expect(originAllowed(lenient, { [CLIENT_HEADER]: ['a', 'b'] })).toBe(false);
    // A browser's headers still decide when present: the custom header does not override them.
    expect(originAllowed(lenient, { 'sec-fetch-site': 'cross-site', [CLIENT_HEADER]: 'x' })).toBe(false);
    expect(originAllowed(lenient, { origin: 'https://evil.example', [CLIENT_HEADER]: 'x' })).toBe(false);
    expect(originAllowed(lenient, { origin: 'null', [CLIENT_HEADER]: 'x' })).toBe(false);
    // Off (the default of buildServer): the header alone admits nothing.
    expect(originAllowed(policy, { [CLIENT_HEADER]: 'miniprogram' })).toBe(false);
  });

  it('normalizes configured origins and refuses what is not one', () => {
    expect(toOrigin('HTTPS://Shop.Example:443/')).toBe('https://shop.example');
    for (const bad of [
      'shop.example',
      'ftp://shop.example',
      'https://shop.example/path',
      'https://u:p@shop.example',
    ]) {
      expect(() => toOrigin(bad), bad).toThrow(TypeError);
    }
  });
});

describe('cross-origin requests are refused before the wallet', () => {
  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a sibling subdomain by Sec-Fetch-Site', { 'sec-fetch-site': 'same-site' }],
    ['a cross-site form by Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site' }],
    ['an opaque origin', { origin: 'null' }],
    ['no Origin and no Sec-Fetch-Site', {}],
  ])('POST from %s: 403 forbidden-origin, no wallet call, no cookie', async (_name, headers) => {
    h = await harness();
    const authCode = h.wallet.issue('attacker');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json', ...headers },
      payload: { authCode },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: 'forbidden-origin', message: expect.any(String) } });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(h.wallet.calls).toHaveLength(0);
  });

  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['neither header (an old browser)', {}],
  ])(
    'a cross-site form POST (%s) is refused with allowClientHeader on: a form cannot send the header',
    async (_name, headers) => {
      h = await harness({ allowClientHeader: true });
      const authCode = h.wallet.issue('attacker');
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: `authCode=${authCode}`,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'forbidden-origin', message: expect.any(String) } });
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(h.wallet.calls).toHaveLength(0);
    },
  );

  it('no CORS preflight is ever approved, so no page can add the header cross-origin', async () => {
    h = await harness({ allowClientHeader: true });
    const preflight = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/session',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-authcode-client',
      },
    });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('a cross-origin POST is refused before its body is read (no 413 or 415 first)', async () => {
    h = await harness();
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: 'x'.repeat(10_000),
    });
    expect(big.statusCode).toBe(403);
    const form = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'authCode=abc',
    });
    expect(form.statusCode).toBe(403);
  });

  it('DELETE from another site: 403 and the session survives', async () => {
    h = await harness();
    const { cookie } = await h.signIn('victim');
    for (const headers of [{ origin: 'https://evil.example' }, {}, { 'sec-fetch-site': 'cross-site' }]) {
      const response = await h.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { ...headers, cookie: cookieHeader(cookie) },
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(me.statusCode).toBe(200);
  });

  it('GET needs no Origin (nothing changes; no CORS headers let another site read it)', async () => {
    h = await harness();
    const { cookie } = await h.signIn();
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { origin: 'https://evil.example', cookie: cookieHeader(cookie) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('who is let in', () => {
  async function postCode(headers: Record<string, string>) {
    const authCode = h.wallet.issue('user-1');
    return h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json', ...headers },
      payload: { authCode },
    });
  }

  it('the own origin', async () => {
    h = await harness();
    expect((await postCode({ origin: ORIGIN })).statusCode).toBe(200);
  });

  it('no Origin but Sec-Fetch-Site: same-origin', async () => {
    h = await harness();
    expect((await postCode({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('a configured extra origin', async () => {
    h = await harness({ allowedOrigins: ['https://m.shop.example'] });
    expect((await postCode({ origin: 'https://m.shop.example' })).statusCode).toBe(200);
    expect((await postCode({ origin: 'https://shop.example' })).statusCode).toBe(403);
  });

  it('a bare request (mini program my.request) only with X-Authcode-Client and allowClientHeader', async () => {
    h = await harness();
    expect((await postCode({})).statusCode).toBe(403);
    expect((await postCode({ 'x-authcode-client': 'miniprogram' })).statusCode).toBe(403);
    await h.app.close();
    h = await harness({ allowClientHeader: true });
    expect((await postCode({ 'x-authcode-client': 'miniprogram' })).statusCode).toBe(200);
    expect((await postCode({ 'X-Authcode-Client': 'taro' })).statusCode).toBe(200);
    expect((await postCode({})).statusCode).toBe(403);
    expect((await postCode({ 'x-authcode-client': '' })).statusCode).toBe(403);
    expect((await postCode({ origin: 'https://evil.example', 'x-authcode-client': 'x' })).statusCode).toBe(
      403,
    );
    expect((await postCode({ 'sec-fetch-site': 'cross-site', 'x-authcode-client': 'x' })).statusCode).toBe(
      403,
    );
  });

  it('with allowClientHeader, a DELETE with the header signs out; one without it is refused', async () => {
    h = await harness({ allowClientHeader: true });
    const { cookie } = await h.signIn('mini');
    const bare = await h.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(bare.statusCode).toBe(403);
    const withHeader = await h.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie), 'x-authcode-client': 'miniprogram' },
    });
    expect(withHeader.statusCode).toBe(204);
  });

  it('buildServer refuses a malformed origin configuration', async () => {
    const { MemoryWallet } = await import('./memoryWallet.ts');
    const { buildServer } = await import('../src/server.ts');
    await expect(buildServer({ wallet: new MemoryWallet(), origin: 'localhost:8787' })).rejects.toThrow(
      TypeError,
    );
    await expect(
      buildServer({ wallet: new MemoryWallet(), origin: ORIGIN, allowedOrigins: ['https://x.example/app'] }),
    ).rejects.toThrow(TypeError);
    await expect(
      buildServer({ wallet: new MemoryWallet(), origin: ORIGIN, walletTimeoutMs: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
