import { AuthCodeError, requestAuthCode } from '@authcode/core';
import { createSimulatedHost } from '@authcode/core/testing';
import {
  SERVER_UNREACHABLE,
  SessionError,
  UNEXPECTED_RESPONSE,
  createMerchantSessionStore,
  createSessionExchange,
  detectMerchantServer,
  readSession,
  retryActionFor,
  sessionErrorOf,
  signOut,
  type FetchLike,
} from '@authcode/example-shared';
import { describe, expect, it } from 'vitest';
import { createExchange } from '@authcode/core/exchange';

/**
 * The examples' client for the merchant server (examples/shared/src/session/merchantSession.ts and its
 * neighbours), against a stand-in `fetch`; fullstack.e2e.test.ts runs the same code in Chromium
 * against the real server.
 */

const CODE = 'E2EUNITCODE0123456789ABCDEF';
const session = { userId: '2188000000000001', scopes: ['USER_LOGIN_ID'] };

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function envelope(status: number, code: string, message: string): Response {
  return json(status, { error: { code, message } });
}

/** A `fetch` that answers every call with `answer` and records what it was asked. */
function stubFetch(answer: (call: Call) => Response | Promise<Response>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (url: string, init?: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return Promise.resolve(answer(call));
  };
  return Object.assign(fetchImpl, { calls });
}

const exchangeContext = () => ({ signal: new AbortController().signal });

/** What `promise` rejects with; fails the test when it resolves. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (reason: unknown) => reason,
  );
}

describe('detectMerchantServer', () => {
  it('reads a JSON 200 as the server with a live session', async () => {
    const fetchImpl = stubFetch(() => json(200, { ...session, extra: 'dropped' }));
    await expect(detectMerchantServer(fetchImpl)).resolves.toEqual({ kind: 'server', session });
    expect(fetchImpl.calls[0]).toMatchObject({ url: '/api/session', init: { credentials: 'same-origin' } });
    expect(fetchImpl.calls[0]!.init?.method ?? 'GET').toBe('GET');
  });

  it('reads a JSON 401 as the server without a session', async () => {
    const fetchImpl = stubFetch(() => envelope(401, 'unauthorized', 'No live session.'));
    await expect(detectMerchantServer(fetchImpl)).resolves.toEqual({ kind: 'server', session: undefined });
  });

  it.each([
    ['an HTML page (a dev server’s SPA fallback)', () => new Response('<!doctype html>', { status: 200 })],
    ['a 404 of a static host', () => new Response('Not found', { status: 404 })],
    ['a JSON 404', () => envelope(404, 'not-found', 'No such resource.')],
    ['a JSON 200 that is not a session', () => json(200, { userId: 42 })],
    ['a JSON 500', () => envelope(500, 'internal', 'Something went wrong on the server.')],
  ])('reads %s as a static build', async (_name, answer) => {
    await expect(detectMerchantServer(stubFetch(answer))).resolves.toEqual({ kind: 'standalone' });
  });

  it('reads a network error as a static build', async () => {
    const fetchImpl: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(detectMerchantServer(fetchImpl)).resolves.toEqual({ kind: 'standalone' });
  });

  it('gives up after its timeout and starts standalone', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    await expect(detectMerchantServer(hanging, { timeoutMs: 50 })).resolves.toEqual({ kind: 'standalone' });
  });
});

describe('createSessionExchange', () => {
  it('posts { authCode } as JSON with the flow’s signal and resolves with the server’s session', async () => {
    const fetchImpl = stubFetch(() => json(200, { ...session, accessToken: 'never-kept' }));
    const context = exchangeContext();
    await expect(createSessionExchange(fetchImpl)({ authCode: CODE }, context)).resolves.toEqual(session);
    const [{ url, init }] = fetchImpl.calls as [Call];
    expect(url).toBe('/api/session');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ authCode: CODE });
    expect(init?.signal).toBe(context.signal);
    expect(init?.credentials).toBe('same-origin');
  });

  const refusals = [
    { status: 409, code: 'code-used', retryable: true },
    { status: 410, code: 'code-expired', retryable: true },
    { status: 502, code: 'wallet-unavailable', retryable: true },
    { status: 504, code: 'wallet-unavailable', retryable: true },
    { status: 400, code: 'code-invalid', retryable: false },
    { status: 400, code: 'bad-request', retryable: false },
    { status: 403, code: 'forbidden-origin', retryable: false },
    { status: 413, code: 'payload-too-large', retryable: false },
    { status: 415, code: 'unsupported-media-type', retryable: false },
    { status: 500, code: 'internal', retryable: false },
  ];

  it.each(refusals)('turns $status $code into a SessionError, retryable: $retryable', async (refusal) => {
    const message = `The server's sentence for ${refusal.status}.`;
    const fetchImpl = stubFetch(() => envelope(refusal.status, refusal.code, message));
    const error = await rejectionOf(createSessionExchange(fetchImpl)({ authCode: CODE }, exchangeContext()));
    expect(error).toBeInstanceOf(SessionError);
    expect(error).toMatchObject({ name: 'SessionError', ...refusal, message });
    // The view shows the code beside the message: the message is the server's sentence only.
    expect((error as Error).message).not.toContain(refusal.code);
  });

  it('reads an answer without an envelope (a proxy’s page) as unexpected-response, not retryable', async () => {
    const fetchImpl = stubFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = (await rejectionOf(
      createSessionExchange(fetchImpl)({ authCode: CODE }, exchangeContext()),
    )) as SessionError;
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE, status: 502, retryable: false });
  });

  it('reads a 200 without a session as unexpected-response', async () => {
    const fetchImpl = stubFetch(() => json(200, { ok: true }));
    await expect(
      createSessionExchange(fetchImpl)({ authCode: CODE }, exchangeContext()),
    ).rejects.toMatchObject({ code: UNEXPECTED_RESPONSE, retryable: false });
  });

  it('reads a network failure as server-unreachable, retryable (with a new code)', async () => {
    const fetchImpl: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(
      createSessionExchange(fetchImpl)({ authCode: CODE }, exchangeContext()),
    ).rejects.toMatchObject({ code: SERVER_UNREACHABLE, status: 0, retryable: true });
  });

  it('rejects with the abort reason when the flow aborts it, not with a SessionError', async () => {
    const controller = new AbortController();
    const fetchImpl: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const exchanging = createSessionExchange(fetchImpl)({ authCode: CODE }, { signal: controller.signal });
    const reason = new Error('cancelled by the flow');
    controller.abort(reason);
    await expect(exchanging).rejects.toBe(reason);
  });

  it('masks the code should a server quote it, keeping the SessionError', async () => {
    const fetchImpl = stubFetch(() => envelope(409, 'code-used', `Code ${CODE} was used.`));
    const error = (await rejectionOf(
      createSessionExchange(fetchImpl)({ authCode: CODE }, exchangeContext()),
    )) as SessionError;
    expect(error).toBeInstanceOf(SessionError);
    expect(error.message.includes(CODE.slice(4))).toBe(false);
    expect(error.message).toBe(`Code ${CODE.slice(0, 4)}… was used.`);
    expect(error.retryable).toBe(true);
  });
});

describe('sessionErrorOf, through the core’s exchange', () => {
  it('finds the SessionError as the cause of the flow’s AuthCodeError of kind exchange', async () => {
    const refusal = new SessionError('code-expired', 'This authorization code has expired.', 410);
    const error = await rejectionOf(
      requestAuthCode({
        host: createSimulatedHost({ createCode: () => CODE }),
        scopes: ['USER_LOGIN_ID'],
        exchange: createExchange(() => Promise.reject(refusal)),
      }),
    );
    expect(error).toBeInstanceOf(AuthCodeError);
    expect((error as AuthCodeError).kind).toBe('exchange');
    expect(sessionErrorOf(error)).toBe(refusal);
    expect(String((error as Error).message)).toContain(refusal.message);
  });

  it('finds nothing in a host’s error or a plain one', () => {
    expect(sessionErrorOf(new AuthCodeError('declined', 'no', { code: '11' }))).toBeUndefined();
    expect(sessionErrorOf(new AuthCodeError('exchange', 'no', { cause: new Error('x') }))).toBeUndefined();
    expect(sessionErrorOf(undefined)).toBeUndefined();
    const direct = new SessionError('code-used', 'used', 409);
    expect(sessionErrorOf(direct)).toBe(direct);
  });
});

describe('retryActionFor', () => {
  const exchangeError = (code: string, status: number) =>
    new AuthCodeError('exchange', 'Exchanging the auth code failed', {
      cause: new SessionError(code, 'message', status),
    });

  it('offers "Try again" after a retryable refusal of the server', () => {
    for (const [code, status] of [
      ['code-used', 409],
      ['code-expired', 410],
      ['wallet-unavailable', 502],
    ] as const) {
      expect(retryActionFor(exchangeError(code, status)), code).toEqual({
        visible: true,
        label: 'Try again',
      });
    }
  });

  it('offers nothing after a refusal a new code cannot fix, although the core calls it retryable', () => {
    for (const [code, status] of [
      ['bad-request', 400],
      ['forbidden-origin', 403],
      ['payload-too-large', 413],
      ['code-invalid', 400],
    ] as const) {
      const error = exchangeError(code, status);
      expect(error.retryable).toBe(true);
      expect(retryActionFor(error).visible, code).toBe(false);
    }
  });

  it('keeps the host errors as they were: "Retry" when the core says so', () => {
    expect(retryActionFor(new AuthCodeError('declined', 'no', { code: '11' }))).toEqual({
      visible: true,
      label: 'Retry',
    });
    expect(retryActionFor(new AuthCodeError('host', 'no', { code: '4', retryable: false })).visible).toBe(
      false,
    );
    expect(retryActionFor(new AuthCodeError('exchange-timeout', 'slow'))).toEqual({
      visible: true,
      label: 'Try again',
    });
  });
});

describe('readSession and signOut', () => {
  it('reads 200 as the session and 401 as none', async () => {
    await expect(readSession(stubFetch(() => json(200, session)))).resolves.toEqual(session);
    await expect(
      readSession(stubFetch(() => envelope(401, 'unauthorized', 'No live session.'))),
    ).resolves.toBeUndefined();
    await expect(
      readSession(stubFetch(() => envelope(500, 'internal', 'Something went wrong.'))),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('signs out with DELETE and reports a refusal', async () => {
    const fetchImpl = stubFetch(() => new Response(null, { status: 204 }));
    await expect(signOut(fetchImpl)).resolves.toBeUndefined();
    expect(fetchImpl.calls[0]).toMatchObject({ url: '/api/session', init: { method: 'DELETE' } });
    await expect(
      signOut(stubFetch(() => envelope(403, 'forbidden-origin', 'Not this site.'))),
    ).rejects.toMatchObject({ code: 'forbidden-origin', retryable: false });
  });
});

describe('createMerchantSessionStore', () => {
  it('records the session a sign-in answered, and forgets it at sign-out before the flow resets', async () => {
    const fetchImpl = stubFetch(({ init }) =>
      init?.method === 'POST' ? json(200, session) : new Response(null, { status: 204 }),
    );
    const store = createMerchantSessionStore(undefined, fetchImpl);
    const seen: (string | undefined)[] = [];
    store.subscribe(() => seen.push(store.getState().session?.userId));

    await expect(store.signIn({ authCode: CODE }, exchangeContext())).resolves.toEqual(session);
    expect(store.getState().session).toEqual(session);

    let sessionWhenReset: unknown = 'not reset';
    await store.signOut(() => {
      sessionWhenReset = store.getState().session;
    });
    expect(sessionWhenReset).toBeUndefined();
    expect(store.getState()).toEqual({ session: undefined, signingOut: false, signOutError: undefined });
    expect(seen).toEqual([session.userId, session.userId, undefined]);
  });

  it('keeps the session shown when the sign-out fails, and says why', async () => {
    const store = createMerchantSessionStore(
      session,
      stubFetch(() =>
        envelope(403, 'forbidden-origin', 'This request does not come from a page of this site.'),
      ),
    );
    let reset = false;
    await store.signOut(() => {
      reset = true;
    });
    expect(reset).toBe(false);
    expect(store.getState()).toEqual({
      session,
      signingOut: false,
      signOutError: 'This request does not come from a page of this site.',
    });
  });

  it('leaves the session alone when a sign-in fails', async () => {
    const store = createMerchantSessionStore(
      session,
      stubFetch(() => envelope(410, 'code-expired', 'This authorization code has expired.')),
    );
    await expect(store.signIn({ authCode: CODE }, exchangeContext())).rejects.toBeInstanceOf(SessionError);
    expect(store.getState().session).toEqual(session);
  });
});
