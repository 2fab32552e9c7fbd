import { afterEach, describe, expect, it } from 'vitest';
import { errorCode, harness, ORIGIN, SAME_ORIGIN, type Harness } from './support.ts';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
});

function postRaw(
  app: Harness['app'],
  payload: string | Buffer,
  headers: Record<string, string> = SAME_ORIGIN,
) {
  return app.inject({ method: 'POST', url: '/api/session', headers, payload });
}

function expectEnvelope(response: Awaited<ReturnType<typeof postRaw>>, status: number, code: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe('bad bodies answer 400 bad-request and never reach the wallet', () => {
  it.each([
    ['junk', 'not json at all'],
    ['truncated JSON', '{"authCode": "abc'],
    ['trailing garbage', '{"authCode":"abc"} x'],
    ['empty body', ''],
    ['a JSON string', '"abc"'],
    ['a JSON number', '42'],
    ['null', 'null'],
    ['an array', '[{"authCode":"abc"}]'],
    ['an empty object', '{}'],
    ['a number code', '{"authCode": 123}'],
    ['a boolean code', '{"authCode": true}'],
    ['a null code', '{"authCode": null}'],
    ['an array code', '{"authCode": ["abc"]}'],
    ['an object code', '{"authCode": {"toString": "abc"}}'],
    ['an empty code', '{"authCode": ""}'],
    ['a 257-character code', JSON.stringify({ authCode: 'a'.repeat(257) })],
    ['an extra property', '{"authCode": "abc", "userId": "admin"}'],
    ['a differently cased key', '{"AuthCode": "abc"}'],
    ['a code with a space', '{"authCode": "ab c"}'],
    ['a code with a newline (log forging)', '{"authCode": "abc\\n{\\"level\\":60}"}'],
    ['a code with a NUL', '{"authCode": "abc\\u0000"}'],
    ['a Unicode code', '{"authCode": "码码码"}'],
    ['an emoji code', '{"authCode": "\\ud83d\\ude00"}'],
    ['a lone surrogate', '{"authCode": "\\ud800"}'],
    ['__proto__ pollution', '{"authCode": "abc", "__proto__": {"admin": true}}'],
    ['__proto__ only', '{"__proto__": {"authCode": "abc"}}'],
    ['constructor.prototype pollution', '{"authCode": "abc", "constructor": {"prototype": {"admin": true}}}'],
    ['nested __proto__', '{"authCode": {"__proto__": {"x": 1}}}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('%s', async (_name, payload) => {
    h = await harness();
    const response = await postRaw(h.app, payload);
    expectEnvelope(response, 400, 'bad-request');
    expect(h.wallet.calls).toHaveLength(0);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('authCode');
  });

  it('a 256-character code is accepted by validation and reaches the wallet', async () => {
    h = await harness();
    const response = await postRaw(h.app, JSON.stringify({ authCode: 'a'.repeat(256) }));
    expectEnvelope(response, 400, 'code-invalid');
    expect(h.wallet.calls).toHaveLength(1);
  });
});

describe('sizes and media types', () => {
  it('a 5 KiB body answers 413 payload-too-large', async () => {
    h = await harness();
    const response = await postRaw(h.app, JSON.stringify({ authCode: 'a'.repeat(5 * 1024) }));
    expectEnvelope(response, 413, 'payload-too-large');
    expect(h.wallet.calls).toHaveLength(0);
  });

  it('a body just under 4 KiB is read (and then refused by validation)', async () => {
    h = await harness();
    const response = await postRaw(h.app, JSON.stringify({ authCode: 'a'.repeat(4000) }));
    expectEnvelope(response, 400, 'bad-request');
  });

  it('a huge body answers 413', async () => {
    h = await harness();
    const response = await postRaw(h.app, Buffer.alloc(2 * 1024 * 1024, 0x61));
    expectEnvelope(response, 413, 'payload-too-large');
  });

  it.each([
    ['text/plain', '{"authCode":"abc"}'],
    ['application/x-www-form-urlencoded', 'authCode=abc'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="authCode"\r\n\r\nabc\r\n--x--',
    ],
    ['application/xml', '<authCode>abc</authCode>'],
    ['application/octet-stream', 'abc'],
  ])('%s answers 415 unsupported-media-type', async (type, payload) => {
    h = await harness();
    const response = await postRaw(h.app, payload, { origin: ORIGIN, 'content-type': type });
    expectEnvelope(response, 415, 'unsupported-media-type');
    expect(h.wallet.calls).toHaveLength(0);
  });

  it('a body without a content type answers 415', async () => {
    h = await harness();
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: ORIGIN },
      payload: Buffer.from('{"authCode":"abc"}'),
    });
    expectEnvelope(response, 415, 'unsupported-media-type');
  });

  it('application/json with a charset is fine', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-1');
    const response = await postRaw(h.app, JSON.stringify({ authCode }), {
      origin: ORIGIN,
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('routes, cookies and headers', () => {
  it.each([
    ['GET', '/api/nothing'],
    ['POST', '/api/nothing'],
    ['GET', '/api'],
    ['PUT', '/api/session'],
    ['GET', '/api/session/extra'],
    ['GET', '/elsewhere'],
  ])('%s %s answers 404 not-found as JSON', async (method, url) => {
    h = await harness();
    const response = await h.app.inject({
      method: method as 'GET',
      url,
      headers: SAME_ORIGIN,
      ...(method === 'GET' ? {} : { payload: '{}' }),
    });
    expectEnvelope(response, 404, 'not-found');
  });

  it('unknown /api answers carry Cache-Control: no-store', async () => {
    h = await harness();
    const response = await h.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    'session',
    'session=',
    '=;=;=',
    'session=%',
    'session=%zz%00',
    'session="unterminated',
    `session=${'x'.repeat(8000)}`,
    'session=a; session=b; session=c',
    '__proto__=1; constructor=2; session=3',
    'session=\u00e9\u00e8',
    ';;;;;;',
  ])('a malformed cookie %j answers 401, not 5xx', async (cookie) => {
    h = await harness();
    const response = await h.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expectEnvelope(response, 401, 'unauthorized');
  });

  it('a malformed cookie on sign-in is ignored, never adopted', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-1');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...SAME_ORIGIN, cookie: 'session=%zz; session=' },
      payload: { authCode },
    });
    expect(response.statusCode).toBe(200);
  });

  it('a URL with bad percent-encoding answers 4xx', async () => {
    h = await harness();
    const response = await h.app.inject({ method: 'GET', url: '/api/%zz' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(errorCode(response)).toEqual(expect.any(String));
  });
});

describe('a flood', () => {
  it('2,000 bad requests of every kind leave the server answering, with no 5xx', async () => {
    h = await harness();
    const kinds = [
      () => postRaw(h.app, '{"authCode":'),
      () => postRaw(h.app, '{"authCode": 1}'),
      () => postRaw(h.app, '{"__proto__": {"a": 1}, "authCode": "x"}'),
      () => postRaw(h.app, 'x'.repeat(5000)),
      () => postRaw(h.app, 'authCode=x', { origin: ORIGIN, 'content-type': 'text/plain' }),
      () =>
        postRaw(h.app, '{"authCode":"x"}', {
          origin: 'https://evil.example',
          'content-type': 'application/json',
        }),
      () => h.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: 'session=%%%' } }),
      () => h.app.inject({ method: 'DELETE', url: '/api/session' }),
      () => h.app.inject({ method: 'GET', url: '/api/whatever' }),
      (i: number) => postRaw(h.app, JSON.stringify({ authCode: `forged-${i}` })),
    ];
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => kinds[(batch * 100 + i) % kinds.length]!(batch * 100 + i)),
      );
      for (const response of responses)
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect([...statuses.keys()].sort()).toEqual([400, 401, 403, 404, 413, 415]);

    const { response } = await h.signIn('still-here');
    expect(response.json()).toEqual({ userId: 'still-here', scopes: ['auth_base'] });
  });
});
