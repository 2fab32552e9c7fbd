import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySessionStore, type Session, type SessionStore } from '../src/sessions.ts';
import { TriedCodes } from '../src/triedCodes.ts';
import { cookieHeader, harness, ORIGIN, SAME_ORIGIN, setCookies, type Harness } from './support.ts';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
});

/** Everything a client could see of a response, except Set-Cookie (checked apart: it carries the session id). */
function visible(response: LightMyRequestResponse): string {
  const headers = Object.entries(response.headers).filter(([name]) => name !== 'set-cookie');
  return `${JSON.stringify(headers)}\n${response.body}`;
}

describe('codes, tokens and session ids stay out of responses and logs', () => {
  it('across every path, good and bad', async () => {
    const triedCodes = new TriedCodes();
    h = await harness({ walletTimeoutMs: 30, triedCodes });
    const responses: LightMyRequestResponse[] = [];
    const codes: string[] = [];
    const sessionIds: string[] = [];
    const post = async (payload: string, headers: Record<string, string> = SAME_ORIGIN) => {
      const response = await h.app.inject({ method: 'POST', url: '/api/session', headers, payload });
      responses.push(response);
      return response;
    };
    const issue = (user: string) => {
      const code = h.wallet.issue(user);
      codes.push(code);
      return code;
    };

    // Success, then use, replay and sign-out.
    const good = issue('user-1');
    const signedIn = await post(JSON.stringify({ authCode: good }));
    expect(signedIn.statusCode).toBe(200);
    const cookie = setCookies(signedIn)[0]!;
    sessionIds.push(cookie.value);
    responses.push(
      await h.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookieHeader(cookie) } }),
    );
    expect(
      (await post(JSON.stringify({ authCode: good }), { ...SAME_ORIGIN, cookie: cookieHeader(cookie) }))
        .statusCode,
    ).toBe(409);

    // A second sign-in rotating the first session.
    const second = await post(JSON.stringify({ authCode: issue('user-1') }), {
      ...SAME_ORIGIN,
      cookie: cookieHeader(cookie),
    });
    const secondCookie = setCookies(second)[0]!;
    sessionIds.push(secondCookie.value);
    responses.push(
      await h.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { origin: ORIGIN, cookie: cookieHeader(secondCookie) },
      }),
    );

    // The wallet refusing, failing, hanging; its messages quote the code.
    const expired = h.wallet.issue('user-2', ['auth_base'], { ttlMs: 1 });
    codes.push(expired);
    h.clock.now += 10;
    expect((await post(JSON.stringify({ authCode: expired }))).statusCode).toBe(410);
    const forged = 'forged-code-0123456789';
    codes.push(forged);
    expect((await post(JSON.stringify({ authCode: forged }))).statusCode).toBe(400);
    for (const mode of ['down', 'broken', 'slow'] as const) {
      h.wallet.mode = mode;
      expect(
        (await post(JSON.stringify({ authCode: issue(`user-${mode}`) }))).statusCode,
      ).toBeGreaterThanOrEqual(502);
    }
    h.wallet.mode = 'up';

    // Bad requests that carry a code: broken JSON, wrong shape, cross-origin, wrong media type.
    const inJunk = issue('user-junk');
    expect((await post(`{"authCode": "${inJunk}"`)).statusCode).toBe(400);
    const inExtra = issue('user-extra');
    expect((await post(JSON.stringify({ authCode: inExtra, more: inExtra }))).statusCode).toBe(400);
    const crossSite = issue('user-cross');
    expect(
      (
        await post(JSON.stringify({ authCode: crossSite }), {
          origin: 'https://evil.example',
          'content-type': 'application/json',
        })
      ).statusCode,
    ).toBe(403);
    const asText = issue('user-text');
    expect(
      (await post(JSON.stringify({ authCode: asText }), { origin: ORIGIN, 'content-type': 'text/plain' }))
        .statusCode,
    ).toBe(415);

    // The wallet handed out tokens; the test is only meaningful if it did and the log is not empty.
    expect(h.wallet.tokens.length).toBeGreaterThanOrEqual(2);
    expect(h.logs.length).toBeGreaterThan(20);
    const log = h.logs.join('');
    const body = responses.map(visible).join('\n');
    const setCookieHeaders = responses
      .flatMap((response) => setCookies(response))
      .map((c) => `${c.name}=${c.value}`)
      .join('\n');

    for (const secret of [...codes, ...h.wallet.tokens]) {
      expect(body).not.toContain(secret);
      expect(setCookieHeaders).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    for (const id of sessionIds) {
      expect(body).not.toContain(id);
      expect(log).not.toContain(id);
    }
    // Nor the digests of the codes (a digest of a short code can be brute-forced).
    const tried = new Set(triedCodes.digests());
    for (const code of codes.slice(0, 1)) {
      const hash = createHash('sha256').update(code).digest('base64url');
      expect(tried.has(hash)).toBe(true);
      expect(log).not.toContain(hash);
    }
  });

  it('the logger redacts credentials even when code logs them by mistake', async () => {
    h = await harness();
    h.app.log.info({ authCode: 'code-AAA', body: { authCode: 'code-BBB' }, accessToken: 'tok-CCC' }, 'oops');
    h.app.log.info(
      { req: { headers: { cookie: 'session=sid-DDD', authorization: 'Bearer tok-EEE' } } },
      'oops',
    );
    h.app.log.info({ res: { headers: { 'set-cookie': 'session=sid-FFF' } } }, 'oops');
    h.app.log.info({ session: { accessToken: 'tok-GGG' }, token: { accessToken: 'tok-HHH' } }, 'oops');
    const log = h.logs.join('');
    expect(log).toContain('oops');
    expect(log).toContain('[redacted]');
    for (const secret of ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH'])
      expect(log).not.toContain(secret);
  });

  it('the tried-code set holds SHA-256 digests, never a code', async () => {
    const triedCodes = new TriedCodes();
    h = await harness({ triedCodes });
    const authCode = h.wallet.issue('user-1');
    await h.app.inject({ method: 'POST', url: '/api/session', headers: SAME_ORIGIN, payload: { authCode } });
    expect(triedCodes.digests()).toEqual([createHash('sha256').update(authCode).digest('base64url')]);
  });

  it('the session store is keyed by a digest of the session id, and holds the token', async () => {
    const writes: { id: string; session: Session; ttlMs: number }[] = [];
    const inner = new MemorySessionStore();
    const recording: SessionStore = {
      get: (id) => inner.get(id),
      set: async (id, session, ttlMs) => {
        writes.push({ id, session, ttlMs });
        await inner.set(id, session, ttlMs);
      },
      delete: (id) => inner.delete(id),
    };
    h = await harness({ sessions: recording, sessionIdleMs: 60_000 });
    const { cookie } = await h.signIn('user-1');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.id).not.toBe(cookie.value);
    expect(writes[0]!.id).toBe(createHash('sha256').update(cookie.value).digest('base64url'));
    expect(writes[0]!.session.accessToken).toBe(h.wallet.tokens[0]);
    expect(writes[0]!.ttlMs).toBe(60_000);
  });
});
