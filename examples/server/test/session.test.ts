import { afterEach, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  errorCode,
  harness,
  ORIGIN,
  SAME_ORIGIN,
  sessionCookie,
  setCookies,
  type Harness,
} from './support.ts';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
});

describe('POST /api/session', () => {
  it('trades the code once and answers the user and scopes with a session cookie', async () => {
    h = await harness();
    const authCode = h.wallet.issue('user-42', ['auth_user', 'auth_base']);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: SAME_ORIGIN,
      payload: { authCode },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: 'user-42', scopes: ['auth_user', 'auth_base'] });
    expect(h.wallet.calls.map((call) => call.authCode)).toEqual([authCode]);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/^application\/json/);

    const cookie = sessionCookie(response);
    expect(cookie.name).toBe('session');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(cookie.attributes.httponly).toBe(true);
    expect(cookie.attributes.samesite).toBe('Lax');
    expect(cookie.attributes.path).toBe('/');
    expect(cookie.attributes.secure).toBeUndefined();
    expect(cookie.attributes.domain).toBeUndefined();
    expect(cookie.attributes['max-age']).toBe(String(60 * 60)); // capped by the token's hour
  });

  it('over HTTPS sets a Secure __Host- cookie', async () => {
    h = await harness({ origin: 'https://shop.example' });
    const authCode = h.wallet.issue('user-1');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      payload: { authCode },
    });
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie.name).toBe('__Host-session');
    expect(cookie.attributes.secure).toBe(true);
    expect(cookie.attributes.path).toBe('/');
    expect(cookie.attributes.domain).toBeUndefined();

    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(me.statusCode).toBe(200);
  });

  it('secureCookies can be forced on behind a TLS-terminating proxy', async () => {
    h = await harness({ secureCookies: true });
    const { cookie } = await h.signIn();
    expect(cookie.name).toBe('__Host-session');
    expect(cookie.attributes.secure).toBe(true);
  });

  it('five users signing in at once get five distinct sessions, each their own', async () => {
    h = await harness();
    const users = ['ann', 'bob', 'cy', 'dee', 'eve'];
    const signed = await Promise.all(users.map((user) => h.signIn(user, [`scope-${user}`])));
    const values = signed.map(({ cookie }) => cookie.value);
    expect(new Set(values).size).toBe(5);

    const whoami = await Promise.all(
      signed.map(({ cookie }) =>
        h.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookieHeader(cookie) } }),
      ),
    );
    expect(whoami.map((response) => response.json())).toEqual(
      users.map((user) => ({ userId: user, scopes: [`scope-${user}`] })),
    );
  });

  it('never adopts a session id the browser brought (session fixation)', async () => {
    h = await harness();
    const planted = 'A'.repeat(43);
    const authCode = h.wallet.issue('victim');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...SAME_ORIGIN, cookie: `session=${planted}` },
      payload: { authCode },
    });
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie.value).not.toBe(planted);

    const withPlanted = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `session=${planted}` },
    });
    expect(withPlanted.statusCode).toBe(401);
  });

  it('rotates: signing in again ends the previous session and issues a new id', async () => {
    h = await harness();
    const first = await h.signIn('user-1');
    const authCode = h.wallet.issue('user-1');
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...SAME_ORIGIN, cookie: cookieHeader(first.cookie) },
      payload: { authCode },
    });
    expect(again.statusCode).toBe(200);
    const second = sessionCookie(again);
    expect(second.value).not.toBe(first.cookie.value);

    const old = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(first.cookie) },
    });
    expect(old.statusCode).toBe(401);
    const current = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(second) },
    });
    expect(current.statusCode).toBe(200);
    expect(h.sessions.size).toBe(1);
  });

  it('keeps the session when a later sign-in fails', async () => {
    h = await harness();
    const { cookie } = await h.signIn('user-1');
    const failed = await h.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...SAME_ORIGIN, cookie: cookieHeader(cookie) },
      payload: { authCode: 'not-a-code' },
    });
    expect(failed.statusCode).toBe(400);
    expect(setCookies(failed)).toEqual([]);
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(me.statusCode).toBe(200);
  });
});

describe('GET /api/session', () => {
  it('answers the signed-in user with a live session', async () => {
    h = await harness();
    const { cookie } = await h.signIn('user-7', ['auth_base']);
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: 'user-7', scopes: ['auth_base'] });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 in the error envelope without a session', async () => {
    h = await harness();
    const response = await h.app.inject({ method: 'GET', url: '/api/session' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(setCookies(response)).toEqual([]);
  });

  it('answers 401 and clears the cookie for an unknown or malformed session id', async () => {
    h = await harness();
    for (const value of ['B'.repeat(43), 'short', '%E0%A4%A', '"quoted"']) {
      const response = await h.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: `session=${value}` },
      });
      expect(response.statusCode, value).toBe(401);
      const cleared = sessionCookie(response);
      expect(cleared.name).toBe('session');
      expect(cleared.value).toBe('');
      expect(cleared.attributes.expires).toMatch(/1970/);
    }
  });

  it('ends a session left idle past the idle timeout', async () => {
    h = await harness({ sessionIdleMs: 60_000 });
    const { cookie } = await h.signIn();
    h.clock.now += 59_000;
    const fresh = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(fresh.statusCode).toBe(200);
    h.clock.now += 59_000; // use slid the deadline forward
    const slid = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(slid.statusCode).toBe(200);
    h.clock.now += 61_000;
    const idle = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(idle.statusCode).toBe(401);
  });

  it('ends an active session at its absolute lifetime', async () => {
    h = await harness({ sessionIdleMs: 60_000, sessionMaxAgeMs: 150_000 });
    const { cookie } = await h.signIn();
    expect(cookie.attributes['max-age']).toBe('150');
    for (let elapsed = 50_000; elapsed < 150_000; elapsed += 50_000) {
      h.clock.now += 50_000;
      const live = await h.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: cookieHeader(cookie) },
      });
      expect(live.statusCode).toBe(200);
    }
    h.clock.now += 50_000;
    const dead = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(dead.statusCode).toBe(401);
  });

  it('never outlives the wallet token', async () => {
    h = await harness({ sessionIdleMs: 2 * 60 * 60_000 });
    const { cookie } = await h.signIn(); // the memory wallet's tokens live an hour
    h.clock.now += 60 * 60_000;
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('DELETE /api/session', () => {
  it('answers 204, clears the cookie and kills the old cookie value on the server', async () => {
    h = await harness();
    const { cookie } = await h.signIn();
    const response = await h.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { origin: ORIGIN, cookie: cookieHeader(cookie) },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['cache-control']).toBe('no-store');
    const cleared = sessionCookie(response);
    expect(cleared.name).toBe('session');
    expect(cleared.value).toBe('');
    expect(cleared.attributes.expires).toMatch(/1970/);
    expect(cleared.attributes.path).toBe('/');
    expect(cleared.attributes.httponly).toBe(true);

    // A copy of the cookie kept by anyone (or a browser that ignored the clearing) is dead.
    const replayed = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(cookie) },
    });
    expect(replayed.statusCode).toBe(401);
    expect(errorCode(replayed)).toBe('unauthorized');
    expect(h.sessions.size).toBe(0);
  });

  it('answers 204 without a session too', async () => {
    h = await harness();
    const response = await h.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { origin: ORIGIN },
    });
    expect(response.statusCode).toBe(204);
  });

  it('ends only the session it was sent with', async () => {
    h = await harness();
    const ann = await h.signIn('ann');
    const bob = await h.signIn('bob');
    await h.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { origin: ORIGIN, cookie: cookieHeader(ann.cookie) },
    });
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieHeader(bob.cookie) },
    });
    expect(me.json()).toEqual({ userId: 'bob', scopes: ['auth_base'] });
  });
});
