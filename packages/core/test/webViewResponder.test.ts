import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ANSWER_TYPE,
  createWebViewResponder,
  INVALID_WEB_VIEW_REQUEST,
  REQUEST_TYPE,
  type WebViewAnswer,
  type WebViewResponderOptions,
} from '../src/hosts';
import type { AuthCodeHost } from '../src/index';
import { splitSecret } from '../src/h5Hosts/webViewSecret';
import { createManualHost, createSyncHost, createThrowingHost, EMAIL, LOGIN } from './support/bridgeDoubles';

const globals = globalThis as { my?: unknown };

afterEach(() => {
  delete globals.my;
});

const H5_URL = 'https://h5.example.com/authcode/';

/** A responder that opened its page with src(); `send` delivers requests carrying that page's secret. */
function openResponder(options: Partial<WebViewResponderOptions> = {}) {
  const answers: WebViewAnswer[] = [];
  const responder = createWebViewResponder({
    scopes: [LOGIN, EMAIL],
    post: (message) => void answers.push(message as WebViewAnswer),
    ...options,
  });
  const secret = splitSecret(responder.src(H5_URL)).secret!;
  const send = (id: unknown, scopes: unknown = [LOGIN]) =>
    responder.onMessage({ detail: { data: { type: REQUEST_TYPE, id, scopes, secret } } });
  return { responder, answers, secret, send };
}

function setUp() {
  const manual = createManualHost();
  return { manual, ...openResponder({ host: manual.host }) };
}

describe('createWebViewResponder', () => {
  it('calls getAuthCode once per request and posts the first answer back with its id', () => {
    const { manual, answers, send } = setUp();
    send('r-1');
    expect(manual.calls).toHaveLength(1);
    expect(manual.calls[0]!.scopes).toEqual([LOGIN]);
    manual.success({ authCode: 'CODE-PAGE-00001' });
    manual.complete({ authCode: 'CODE-PAGE-00001' });
    manual.fail({ error: 11 });
    expect(answers).toEqual([
      { type: ANSWER_TYPE, id: 'r-1', via: 'success', payload: { authCode: 'CODE-PAGE-00001' } },
    ]);
  });

  it('posts a fail answer as fail', () => {
    const { manual, answers, send } = setUp();
    send('r-2');
    manual.fail({ error: 11, errorMessage: 'declined' });
    expect(answers[0]).toMatchObject({ id: 'r-2', via: 'fail', payload: { error: 11 } });
  });

  it('answers a host that only calls complete, by what complete carried', () => {
    const withCode = setUp();
    withCode.send('r-3');
    withCode.manual.complete({ authCode: 'CODE-COMPLETE-1' });
    expect(withCode.answers[0]?.via).toBe('success');
    const withError = setUp();
    withError.send('r-4');
    withError.manual.complete({ error: 10 });
    expect(withError.answers[0]?.via).toBe('fail');
  });

  it('never calls the host twice for one id, however often it is sent', () => {
    const { manual, send } = setUp();
    send('r-5');
    send('r-5');
    manual.success({ authCode: 'CODE-PAGE-00005' });
    send('r-5');
    expect(manual.calls).toHaveLength(1);
    send('r-6');
    expect(manual.calls).toHaveLength(2);
  });

  it('ignores messages that are not requests', () => {
    const { manual, answers, responder } = setUp();
    for (const event of [
      { detail: { data: 'hello' } },
      { detail: { data: { type: 'chat', id: 'r-7' } } },
      { detail: { data: { type: ANSWER_TYPE, id: 'r-7' } } },
      { detail: {} },
      {},
      undefined,
    ]) {
      responder.onMessage(event as never);
    }
    expect([manual.calls.length, answers.length]).toEqual([0, 0]);
  });

  it.each([
    ['no id', undefined, [LOGIN], '`id` must be a string of 1 to 128 characters.'],
    ['an empty id', '', [LOGIN], '`id` must be a string of 1 to 128 characters.'],
    ['an id too long to be one', 'x'.repeat(129), [LOGIN], '`id` must be a string of 1 to 128 characters.'],
    [
      'scopes that are not an array',
      'r-8',
      'USER_LOGIN_ID',
      '`scopes` must be a non-empty array of at most 64 scope names.',
    ],
    ['no scopes', 'r-9', [], '`scopes` must be a non-empty array of at most 64 scope names.'],
    [
      'more scopes than a request has',
      'r-9b',
      Array.from({ length: 65 }, () => LOGIN),
      '`scopes` must be a non-empty array of at most 64 scope names.',
    ],
    [
      'a blank scope',
      'r-10',
      [LOGIN, ' x '],
      '`scopes[1]` must be a scope name (a non-empty string without spaces around it).',
    ],
    [
      'an empty scope',
      'r-10b',
      [''],
      '`scopes[0]` must be a scope name (a non-empty string without spaces around it).',
    ],
    [
      'a scope that is not a string',
      'r-10c',
      [LOGIN, 5],
      '`scopes[1]` must be a scope name (a non-empty string without spaces around it).',
    ],
  ])('refuses a request with %s, saying why, without calling the host', (_name, id, scopes, why) => {
    const { manual, answers, send } = setUp();
    send(id, scopes);
    expect(manual.calls).toHaveLength(0);
    expect(answers).toEqual([
      {
        type: ANSWER_TYPE,
        id: typeof id === 'string' && id !== '' && id.length <= 128 ? id : null,
        via: 'fail',
        payload: {
          error: INVALID_WEB_VIEW_REQUEST,
          errorMessage: `The web-view request was refused: ${why}`,
        },
      },
    ]);
  });

  it('speaks the documented wire format', () => {
    const { manual, answers, responder, secret } = setUp();
    responder.onMessage({
      detail: { data: { type: '@authcode/request', id: 'w-1', scopes: [LOGIN], secret } },
    });
    manual.success({ authCode: 'CODE-WIRE-00001' });
    responder.onMessage({ detail: { data: { type: '@authcode/request', id: 'w-2', scopes: [], secret } } });
    expect(answers).toEqual([
      { type: '@authcode/answer', id: 'w-1', via: 'success', payload: { authCode: 'CODE-WIRE-00001' } },
      {
        type: '@authcode/answer',
        id: 'w-2',
        via: 'fail',
        payload: {
          error: 'invalid-request',
          errorMessage:
            'The web-view request was refused: `scopes` must be a non-empty array of at most 64 scope names.',
        },
      },
    ]);
  });

  it('ignores a request whose type throws when read, and an event whose detail does', () => {
    const { manual, answers, responder } = setUp();
    const throwing = (value: object, key: string) =>
      Object.defineProperty(value, key, {
        get() {
          throw new Error('no access');
        },
      });
    responder.onMessage({ detail: { data: throwing({ id: 'r-h1', scopes: [LOGIN] }, 'type') } });
    responder.onMessage(throwing({}, 'detail') as never);
    responder.onMessage(null as never);
    expect([manual.calls.length, answers.length]).toEqual([0, 0]);
  });

  it('answers fail when a host that only calls complete calls it with nothing', () => {
    const { manual, answers, send } = setUp();
    send('r-c1');
    manual.complete();
    expect(answers).toEqual([{ type: ANSWER_TYPE, id: 'r-c1', via: 'fail', payload: undefined }]);
  });

  it('answers fail when the given host has no getAuthCode', () => {
    const { answers, send } = openResponder({ host: {} as AuthCodeHost });
    send('r-g1');
    expect(answers).toEqual([
      {
        type: ANSWER_TYPE,
        id: 'r-g1',
        via: 'fail',
        payload: {
          error: 'host-threw',
          errorMessage:
            "The mini-program page's host threw: The `host` given to createWebViewResponder has no getAuthCode function.",
        },
      },
    ]);
  });

  it('answers fail when the host throws, once, and is free for the next request', () => {
    const { answers, send } = openResponder({ host: createThrowingHost(new Error('JSAPI gone')) });
    send('r-11');
    send('r-11b');
    expect(answers).toEqual([
      expect.objectContaining({
        id: 'r-11',
        via: 'fail',
        payload: expect.objectContaining({ error: 'host-threw' }),
      }),
      expect.objectContaining({
        id: 'r-11b',
        via: 'fail',
        payload: expect.objectContaining({ error: 'host-threw' }),
      }),
    ]);
    expect((answers[0]!.payload as { errorMessage: string }).errorMessage).toMatch(/JSAPI gone/);
  });

  it('answers a host that calls back before getAuthCode returns, and is free for the next request', () => {
    const { answers, send } = openResponder({
      host: createSyncHost('success', { authCode: 'CODE-SYNC-00001' }),
    });
    send('r-12');
    send('r-12b');
    expect(answers.map(({ id, via }) => [id, via])).toEqual([
      ['r-12', 'success'],
      ['r-12b', 'success'],
    ]);
  });

  it('posts nothing for a host that never answers', () => {
    const { manual, answers, send } = setUp();
    send('r-13');
    expect([manual.calls.length, answers.length]).toEqual([1, 0]);
  });
});

const NO_CONTEXT = 'No `my.createWebViewContext` on this page: pass `post` to createWebViewResponder.';

describe('createWebViewResponder with the page’s `my`', () => {
  it('asks my.getAuthCode and answers through my.createWebViewContext(webViewId).postMessage', () => {
    const postMessage = vi.fn();
    const createWebViewContext = vi.fn(() => ({ postMessage }));
    const getAuthCode = vi.fn((options: { success?: (result: unknown) => void }) =>
      options.success?.({ authCode: 'CODE-MY-000001' }),
    );
    globals.my = { getAuthCode, createWebViewContext };
    openResponder({ webViewId: 'h5', post: undefined }).send('r-14');
    expect(getAuthCode).toHaveBeenCalledTimes(1);
    expect(createWebViewContext).toHaveBeenCalledWith('h5');
    expect(postMessage).toHaveBeenCalledWith(expect.objectContaining({ id: 'r-14', via: 'success' }));
  });

  it('looks `my` up per request, not at creation', () => {
    const getter = vi.fn(() => undefined);
    Object.defineProperty(globalThis, 'my', { get: getter, configurable: true });
    const { send } = openResponder({ webViewId: 'h5', post: undefined });
    expect(getter).not.toHaveBeenCalled();
    expect(() => send('r-15')).toThrow(new Error(NO_CONTEXT));
  });

  it('throws when the page has no `my` or no my.createWebViewContext to answer through', () => {
    expect(() => openResponder({ webViewId: 'h5', post: undefined }).send('r-15b', [])).toThrow(
      new Error(NO_CONTEXT),
    );
    globals.my = {};
    expect(() => openResponder({ webViewId: 'h5', post: undefined }).send('r-15c', [])).toThrow(
      new Error(NO_CONTEXT),
    );
  });

  it('answers fail (host missing) when the page has no `my` at all', () => {
    const { answers, send } = openResponder();
    send('r-16b');
    expect(answers).toEqual([
      {
        type: ANSWER_TYPE,
        id: 'r-16b',
        via: 'fail',
        payload: {
          error: 'host-threw',
          errorMessage:
            "The mini-program page's host threw: No super-app host on the mini-program page: there is no `my` with a getAuthCode function.",
        },
      },
    ]);
  });

  it('answers fail (host missing) when the page has no my.getAuthCode', () => {
    const postMessage = vi.fn();
    globals.my = { createWebViewContext: () => ({ postMessage }) };
    openResponder({ webViewId: 'h5', post: undefined }).send('r-16');
    expect(postMessage.mock.calls[0]![0].payload.errorMessage).toMatch(/no `my` with a getAuthCode/);
  });

  it('says it needs a webViewId when it has neither that nor post', () => {
    globals.my = { createWebViewContext: () => ({ postMessage() {} }) };
    expect(() => openResponder({ post: undefined }).send('r-17')).toThrow(/webViewId/);
  });
});
