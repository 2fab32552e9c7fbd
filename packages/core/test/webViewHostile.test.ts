// The web-view responder, tried as a hostile page would: a page the mini program did not open (a
// link, a redirect, third-party content on a whitelisted domain) posting the public message format,
// replays of real requests, scopes the mini program never allowed, bursts, and junk.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWebViewResponder,
  REQUEST_TYPE,
  webViewRefusals,
  type WebViewAnswer,
  type WebViewResponderOptions,
} from '../src/hosts';
import { splitSecret } from '../src/h5Hosts/webViewSecret';
import { EMAIL, LOGIN, settle, startFlowActor } from './support/flows';
import { createSheetHost } from './support/sheetHost';

const H5_URL = 'https://h5.example.com/authcode/';
const CODE = 'CODE-HOSTILE-SUITE-0001';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The mini-program page: a responder for [LOGIN, EMAIL] that opened H5_URL, and a sheet-counting host. */
function openPage(options: Partial<WebViewResponderOptions> = {}) {
  const sheets = createSheetHost();
  const answers: WebViewAnswer[] = [];
  const responder = createWebViewResponder({
    scopes: [LOGIN, EMAIL],
    host: sheets.host,
    post: (message) => void answers.push(JSON.parse(JSON.stringify(message)) as WebViewAnswer),
    ...options,
  });
  const src = responder.src(H5_URL);
  const secret = splitSecret(src).secret!;
  const deliver = (data: unknown) => responder.onMessage({ detail: { data } });
  const trusted = (id: string, scopes: unknown = [LOGIN]) =>
    deliver({ type: REQUEST_TYPE, id, scopes, secret });
  return { sheets, answers, responder, src, secret, deliver, trusted };
}

const carriesCode = (answers: readonly WebViewAnswer[]) => JSON.stringify(answers).includes(CODE);
const errorsOf = (answers: readonly WebViewAnswer[]) =>
  answers.map((answer) => (answer.payload as { error?: unknown } | undefined)?.error);

describe('a page the mini program did not open', () => {
  it('gets no code for the public request format, whatever it asks for', () => {
    const page = openPage();
    page.deliver({
      type: '@authcode/request',
      id: 'evil-1',
      scopes: ['auth_user', 'USER_INFO', 'anything_at_all'],
    });
    expect(page.sheets.calls).toEqual([]);
    expect(page.answers).toEqual([
      {
        type: '@authcode/answer',
        id: 'evil-1',
        via: 'fail',
        payload: {
          error: 'untrusted-page',
          errorMessage:
            'The web-view request was refused: it does not carry the secret of the page this mini program opened with responder.src(url).',
        },
      },
    ]);
  });

  it('gets nothing before the mini program opened any page with src()', () => {
    const sheets = createSheetHost();
    const answers: WebViewAnswer[] = [];
    const responder = createWebViewResponder({
      scopes: [LOGIN],
      host: sheets.host,
      post: (message) => void answers.push(message as WebViewAnswer),
    });
    for (const secret of [undefined, '', 'guess']) {
      responder.onMessage({ detail: { data: { type: REQUEST_TYPE, id: 'early', scopes: [LOGIN], secret } } });
    }
    expect(sheets.calls).toEqual([]);
    expect(errorsOf(answers)).toEqual(['untrusted-page', 'untrusted-page', 'untrusted-page']);
  });

  it.each([
    ['removed', () => ({ secret: undefined })],
    ['emptied', () => ({ secret: '' })],
    [
      'one character changed',
      (secret: string) => ({ secret: `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}` }),
    ],
    ['cut short', (secret: string) => ({ secret: secret.slice(0, -1) })],
    ['lengthened', (secret: string) => ({ secret: `${secret}A` })],
    ['made a number', () => ({ secret: 12345 })],
    [
      'made an object that prints as the secret',
      (secret: string) => ({ secret: { toString: () => secret } }),
    ],
  ])('replays a real request with the secret %s: no sheet, no code', (_name, edit) => {
    const page = openPage();
    const real = { type: REQUEST_TYPE, id: 'real-1', scopes: [LOGIN], secret: page.secret };
    page.deliver(real);
    page.sheets.grant(CODE);
    const replayed = page.answers.length;
    page.deliver({ ...real, id: 'replay-1', ...edit(page.secret) });
    page.deliver({ ...real, ...edit(page.secret) });
    expect(page.sheets.calls).toHaveLength(1);
    expect(carriesCode(page.answers.slice(replayed))).toBe(false);
    expect(errorsOf(page.answers.slice(replayed))).toEqual(['untrusted-page', 'untrusted-page']);
  });

  it('an exact replay of an answered request opens no second sheet and gets no second answer', () => {
    const page = openPage();
    page.trusted('real-2');
    page.sheets.grant(CODE);
    page.trusted('real-2');
    page.trusted('real-2');
    expect([page.sheets.calls.length, page.answers.length]).toEqual([1, 1]);
  });

  it('the secret of an earlier src() is dead once the mini program opened the web-view again', () => {
    const page = openPage();
    const fresh = splitSecret(page.responder.src(H5_URL)).secret!;
    expect(fresh).not.toBe(page.secret);
    page.trusted('with-the-old-secret');
    page.deliver({ type: REQUEST_TYPE, id: 'with-the-new-secret', scopes: [LOGIN], secret: fresh });
    expect(page.sheets.calls).toHaveLength(1);
    expect(errorsOf(page.answers)).toEqual(['untrusted-page']);
  });

  it('a flood of forged requests with fresh ids and guessed secrets opens no sheet', () => {
    const page = openPage();
    for (let index = 0; index < 500; index++) {
      page.deliver({ type: REQUEST_TYPE, id: `forged-${index}`, scopes: [LOGIN], secret: `guess-${index}` });
    }
    expect(page.sheets.calls).toEqual([]);
    expect(new Set(errorsOf(page.answers))).toEqual(new Set(['untrusted-page']));
    // The real page still gets its code afterwards: forged ids used up nothing.
    page.trusted('forged-0');
    expect(page.sheets.calls).toHaveLength(1);
  });
});

describe('the page the mini program opened', () => {
  it('may ask only for the scopes the mini program allowed; the refusal names the others', () => {
    const page = openPage();
    page.trusted('more-1', [LOGIN, 'auth_user', 'USER_INFO']);
    expect(page.sheets.calls).toEqual([]);
    expect(page.answers[0]).toEqual({
      type: '@authcode/answer',
      id: 'more-1',
      via: 'fail',
      payload: {
        error: 'scope-not-allowed',
        errorMessage:
          'The web-view request was refused: H5 pages may not ask for "auth_user", "USER_INFO" (allowed: USER_LOGIN_ID, USER_CONTACTINFO_EMAIL).',
      },
    });
  });

  it('is refused scope names that differ only in case or spacing from allowed ones', () => {
    const page = openPage();
    page.trusted('case-1', ['user_login_id']);
    page.trusted('space-1', [`${LOGIN} `]);
    expect(page.sheets.calls).toEqual([]);
    expect(errorsOf(page.answers)).toEqual(['scope-not-allowed', 'invalid-request']);
  });

  it('gets the code for allowed scopes, with exactly the four options reaching the host', () => {
    const page = openPage();
    page.trusted('ok-1', [LOGIN, EMAIL]);
    expect(Object.keys(page.sheets.calls[0]!).sort()).toEqual(['complete', 'fail', 'scopes', 'success']);
    expect(page.sheets.calls[0]!.scopes).toEqual([LOGIN, EMAIL]);
    page.sheets.grant(CODE);
    expect(page.answers).toEqual([
      {
        type: '@authcode/answer',
        id: 'ok-1',
        via: 'success',
        payload: { authCode: CODE, authSuccessScopes: [LOGIN, EMAIL], authErrorScopes: {} },
      },
    ]);
  });

  it('a burst of 30 opens one sheet and calls the host once; the rest are told busy', () => {
    const page = openPage();
    for (let index = 0; index < 30; index++) page.trusted(`burst-${index}`);
    expect([page.sheets.calls.length, page.sheets.maxOpen()]).toEqual([1, 1]);
    expect(errorsOf(page.answers)).toEqual(Array.from({ length: 29 }, () => 'busy'));
    expect((page.answers[0]!.payload as { errorMessage: string }).errorMessage).toBe(
      'The web-view request was refused: another request of this web-view is waiting for its consent sheet.',
    );
    page.sheets.grant(CODE);
    expect(page.answers.at(-1)).toMatchObject({ id: 'burst-0', via: 'success' });
    // Free again once the sheet answered.
    page.trusted('after-burst');
    expect(page.sheets.calls).toHaveLength(2);
  });

  it('a host that never answers frees the responder after timeoutMs, answered host-timeout without a code', () => {
    vi.useFakeTimers();
    const page = openPage({ timeoutMs: 1000 });
    page.trusted('hang-1');
    vi.advanceTimersByTime(999);
    expect(page.answers).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(page.answers).toEqual([
      {
        type: '@authcode/answer',
        id: 'hang-1',
        via: 'fail',
        payload: {
          error: webViewRefusals.timeout,
          errorMessage: "The mini-program page's host did not answer within 1000 ms.",
        },
      },
    ]);
    page.sheets.grant(CODE);
    expect(carriesCode(page.answers)).toBe(false);
    page.trusted('hang-2');
    expect(page.sheets.calls).toHaveLength(2);
  });

  it('survives junk of any shape: no throw, no sheet, no code', () => {
    const page = openPage();
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        fc.anything(),
        (data, event) => {
          page.deliver(data);
          page.deliver({ type: REQUEST_TYPE, id: data, scopes: data, secret: data });
          page.responder.onMessage(event as never);
        },
      ),
      { numRuns: 300 },
    );
    expect(page.sheets.calls).toEqual([]);
  });

  it('survives requests whose fields throw when read', () => {
    const page = openPage();
    const throwing = (key: string) =>
      Object.defineProperty(
        { type: REQUEST_TYPE, id: 'getter-1', scopes: [LOGIN], secret: page.secret },
        key,
        {
          get() {
            throw new Error(`no ${key}`);
          },
        },
      );
    for (const key of ['id', 'scopes', 'secret']) expect(() => page.deliver(throwing(key))).not.toThrow();
    expect(page.sheets.calls).toEqual([]);
  });
});

describe('one consent sheet at a time, from every path', () => {
  it('a web-view request waits while the page’s own flow has a sheet open on the same host', async () => {
    const page = openPage();
    const flow = startFlowActor({ host: page.sheets.host, scopes: [LOGIN] });
    flow.actor.send({ type: 'REQUEST' });
    page.trusted('beside-flow');
    page.trusted('beside-flow-2');
    expect([page.sheets.calls.length, errorsOf(page.answers)]).toEqual([1, ['busy']]);
    page.sheets.grant(CODE);
    await settle();
    expect([flow.view().status, page.sheets.calls.length, page.sheets.maxOpen()]).toEqual(['success', 2, 1]);
    page.sheets.grant(`${CODE}-2`);
    expect(page.answers.at(-1)).toMatchObject({ id: 'beside-flow', via: 'success' });
  });

  it('the page’s own flow waits while a web-view request has a sheet open', async () => {
    const page = openPage();
    page.trusted('first');
    const flow = startFlowActor({ host: page.sheets.host, scopes: [LOGIN] });
    flow.actor.send({ type: 'REQUEST' });
    expect(page.sheets.calls).toHaveLength(1);
    page.sheets.decline();
    await settle();
    expect([page.sheets.calls.length, page.sheets.maxOpen(), flow.view().status]).toEqual([
      2,
      1,
      'consenting',
    ]);
  });

  it('a web-view request that timed out hands the host on to a waiting flow', async () => {
    vi.useFakeTimers();
    const page = openPage({ timeoutMs: 500 });
    page.trusted('slow');
    startFlowActor({ host: page.sheets.host, scopes: [LOGIN], timeoutMs: 0 }).actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(500);
    await vi.runAllTimersAsync();
    expect(page.sheets.calls).toHaveLength(2);
  });
});

describe('origins, as defence in depth', () => {
  it('refuses to make a src for a URL outside origins', () => {
    const responder = createWebViewResponder({
      scopes: [LOGIN],
      origins: ['https://h5.example.com'],
      post() {},
    });
    expect(() => responder.src('https://elsewhere.example.net/')).toThrow(/not in `origins`/);
    expect(responder.src('https://H5.example.com/page')).toMatch(/^https:\/\/H5\.example\.com\/page#/);
  });

  it('refuses requests while the web-view shows a page outside origins, even with the secret', () => {
    const page = openPage({ origins: ['https://h5.example.com'] });
    page.trusted('before-load');
    page.sheets.grant(CODE);
    page.responder.onLoad({ detail: { src: 'https://redirected.example.net/landing' } });
    page.trusted('after-redirect');
    page.responder.onLoad({ detail: {} as { src?: unknown } });
    page.trusted('unknown-page');
    page.responder.onLoad({ detail: { src: `${H5_URL}#other` } });
    page.trusted('back-home');
    expect(page.answers.map(({ id, via }) => [id, via])).toEqual([
      ['before-load', 'success'],
      ['after-redirect', 'fail'],
      ['unknown-page', 'fail'],
    ]);
    expect(page.sheets.calls).toHaveLength(2);
  });

  it('needs origins to be origins', () => {
    expect(() => createWebViewResponder({ scopes: [LOGIN], origins: ['h5.example.com'] })).toThrow(
      /`origins`/,
    );
    expect(() => createWebViewResponder({ scopes: [LOGIN], origins: [] })).toThrow(/`origins`/);
  });
});

describe('creating a responder', () => {
  it.each([
    ['no options', undefined],
    ['no scopes', {}],
    ['an empty list', { scopes: [] }],
    ['a scope that is not a name', { scopes: [LOGIN, ' '] }],
    ['a string instead of a list', { scopes: LOGIN }],
  ])('throws a message naming `scopes` with %s', (_name, options) => {
    expect(() => createWebViewResponder(options as never)).toThrow(/`scopes`/);
  });
});

describe('the secret in src()', () => {
  it('is the URL unchanged, then a fragment with 128 bits of Web Crypto, fresh each time', () => {
    const responder = createWebViewResponder({ scopes: [LOGIN], post() {} });
    const secrets = new Set<string>();
    for (let index = 0; index < 100; index++) {
      const src = responder.src(`${H5_URL}?from=mp`);
      expect(src.startsWith(`${H5_URL}?from=mp#authcode-secret=`)).toBe(true);
      secrets.add(splitSecret(src).secret!);
    }
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(responder.secretSource).toBe('web-crypto');
  });

  it('follows a fragment the URL already has', () => {
    const responder = createWebViewResponder({ scopes: [LOGIN], post() {} });
    expect(responder.src('https://h5.example.com/#/home')).toMatch(
      /^https:\/\/h5\.example\.com\/#\/home&authcode-secret=[\w-]{22}$/,
    );
  });

  it('comes from the host’s my.getRandomValues where the engine has no Web Crypto, once ready', async () => {
    vi.stubGlobal('crypto', undefined);
    const asked: number[] = [];
    let byte = 0;
    vi.stubGlobal('my', {
      getRandomValues({
        length,
        success,
      }: {
        length: number;
        success: (result: { randomValues: ArrayBuffer }) => void;
      }) {
        asked.push(length);
        // Answers later, in a callback, as the hosts' API does; distinct bytes each time.
        setTimeout(
          () => success({ randomValues: Uint8Array.from({ length }, () => byte++ % 256).buffer }),
          0,
        );
      },
    });
    const responder = createWebViewResponder({ scopes: [LOGIN], post() {} });
    expect(() => responder.src(H5_URL)).toThrow(/await responder\.ready\(\)/);
    await responder.ready();
    const first = splitSecret(responder.src(H5_URL)).secret;
    await responder.ready();
    const second = splitSecret(responder.src(H5_URL)).secret;
    expect(first).toMatch(/^[\w-]{22}$/);
    expect(second).not.toBe(first);
    expect(asked.every((length) => length === 16)).toBe(true);
    expect(responder.secretSource).toBe('host');
  });

  it('is refused, saying so, where there is neither Web Crypto nor my.getRandomValues: never Math.random', async () => {
    vi.stubGlobal('crypto', undefined);
    const random = vi.spyOn(Math, 'random');
    const responder = createWebViewResponder({ scopes: [LOGIN], post() {} });
    expect(() => responder.src(H5_URL)).toThrow(
      /No cryptographic random source.*never falls back to Math\.random/,
    );
    await expect(responder.ready()).rejects.toThrow(/No cryptographic random source/);
    expect(random).not.toHaveBeenCalled();
  });

  it('is refused when the host’s random API fails or gives too few bytes', async () => {
    vi.stubGlobal('crypto', undefined);
    vi.stubGlobal('my', {
      getRandomValues: ({ fail }: { fail: (error: unknown) => void }) => fail({ error: 3 }),
    });
    await expect(createWebViewResponder({ scopes: [LOGIN], post() {} }).ready()).rejects.toThrow(/failed/);
    vi.stubGlobal('my', {
      getRandomValues: ({ success }: { success: (result: unknown) => void }) =>
        success({ randomValues: new ArrayBuffer(4) }),
    });
    await expect(createWebViewResponder({ scopes: [LOGIN], post() {} }).ready()).rejects.toThrow(
      /4 bytes, not 16/,
    );
  });

  it('needs a URL', () => {
    const responder = createWebViewResponder({ scopes: [LOGIN], post() {} });
    expect(() => responder.src('')).toThrow(/non-empty string/);
    expect(() => responder.src(undefined as never)).toThrow(/non-empty string/);
  });
});
