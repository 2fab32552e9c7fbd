import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ANSWER_TYPE,
  createWebViewHost,
  REQUEST_TYPE,
  takeWebViewSecret,
  type WebViewRequest,
} from '../src/hosts';
import type { GetAuthCodeOptions } from '../src/index';
import { LOGIN, settle, startFlowActor } from './support/bridgeDoubles';

const globals = globalThis as { my?: unknown };
/** The secret the mini-program page would have put in this page's URL. */
const SECRET = 'S3cr3t-of-the-page-0001';

afterEach(() => {
  delete globals.my;
  vi.useRealTimers();
});

/** A scripted channel: records what the host posts and delivers what the test answers. */
function createChannel() {
  const posted: WebViewRequest[] = [];
  let deliver: ((message: unknown) => void) | undefined;
  let stops = 0;
  let listens = 0;
  const host = createWebViewHost({
    secret: SECRET,
    post: (message) => void posted.push(message as WebViewRequest),
    listen(onMessage) {
      listens += 1;
      deliver = onMessage;
      return () => {
        stops += 1;
        deliver = undefined;
      };
    },
  });
  return {
    host,
    posted,
    stops: () => stops,
    listens: () => listens,
    listening: () => deliver !== undefined,
    answer: (message: unknown) => deliver?.(message),
    grant: (id: string, authCode = 'CODE-WEBVIEW-0001') =>
      deliver?.({
        type: ANSWER_TYPE,
        id,
        via: 'success',
        payload: { authCode, authSuccessScopes: [LOGIN] },
      }),
  };
}

function callbacks() {
  const seen: string[] = [];
  const options: GetAuthCodeOptions = {
    scopes: [LOGIN],
    success: (result) => seen.push(`success:${JSON.stringify(result)}`),
    fail: (result) => seen.push(`fail:${JSON.stringify(result)}`),
    complete: () => seen.push('complete'),
  };
  return { seen, options };
}

describe('createWebViewHost', () => {
  it('posts one request per call, each with its own id and a copy of the scopes', () => {
    const channel = createChannel();
    const first = callbacks();
    channel.host.getAuthCode(first.options);
    channel.host.getAuthCode(callbacks().options);
    expect(channel.posted).toHaveLength(2);
    expect(channel.posted[0]).toMatchObject({ type: REQUEST_TYPE, scopes: [LOGIN] });
    expect(channel.posted[0]!.scopes).not.toBe(first.options.scopes);
    expect(channel.posted[0]!.id).not.toBe(channel.posted[1]!.id);
  });

  it('answers the call whose id the answer names, with success then complete', () => {
    const channel = createChannel();
    const first = callbacks();
    const second = callbacks();
    channel.host.getAuthCode(first.options);
    channel.host.getAuthCode(second.options);
    channel.grant(channel.posted[1]!.id);
    expect(first.seen).toEqual([]);
    expect(second.seen).toEqual([expect.stringMatching(/^success:.*CODE-WEBVIEW-0001/), 'complete']);
  });

  it('passes a fail answer to fail then complete', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    channel.answer({ type: ANSWER_TYPE, id: channel.posted[0]!.id, via: 'fail', payload: { error: 11 } });
    expect(call.seen).toEqual(['fail:{"error":11}', 'complete']);
  });

  it('ignores messages that are not answers, and answers for another id', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    for (const message of [
      undefined,
      null,
      'hello',
      { type: 'chat', id: channel.posted[0]!.id },
      { type: ANSWER_TYPE, id: 'someone-else', via: 'success', payload: { authCode: 'X' } },
      { type: ANSWER_TYPE, id: 42, via: 'success' },
    ]) {
      channel.answer(message);
    }
    expect(call.seen).toEqual([]);
    expect(channel.listening()).toBe(true);
  });

  it('drops a second answer to the same id', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    const { id } = channel.posted[0]!;
    channel.grant(id, 'FIRST-CODE-0001');
    channel.grant(id, 'SECOND-CODE-002');
    expect(call.seen).toHaveLength(2);
    expect(call.seen.join()).not.toContain('SECOND');
  });

  it('turns a malformed answer to its id into a fail that says so', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    channel.answer({ type: ANSWER_TYPE, id: channel.posted[0]!.id, via: 'maybe' });
    const { id } = channel.posted[0]!;
    expect(call.seen).toEqual([
      `fail:${JSON.stringify({
        error: 'invalid-answer',
        errorMessage: `The mini-program page answered request ${id} with a malformed message (via "maybe").`,
      })}`,
      'complete',
    ]);
  });

  it('names the type of a malformed via that is not a string', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    const { id } = channel.posted[0]!;
    channel.answer({ type: ANSWER_TYPE, id, via: 42 });
    expect(call.seen).toEqual([
      `fail:${JSON.stringify({
        error: 'invalid-answer',
        errorMessage: `The mini-program page answered request ${id} with a malformed message (via number).`,
      })}`,
      'complete',
    ]);
  });

  it('posts the documented request: a random prefix of up to 8 base-36 characters and a count', () => {
    const channel = createChannel();
    channel.host.getAuthCode(callbacks().options);
    channel.host.getAuthCode(callbacks().options);
    const prefix = channel.posted[0]!.id.split('-')[0]!;
    expect(prefix).toMatch(/^[0-9a-z]{1,8}$/);
    expect(channel.posted).toEqual([
      { type: '@authcode/request', id: `${prefix}-1`, scopes: [LOGIN], secret: SECRET },
      { type: '@authcode/request', id: `${prefix}-2`, scopes: [LOGIN], secret: SECRET },
    ]);
  });

  it('takes an answer of the documented type', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    channel.answer({
      type: '@authcode/answer',
      id: channel.posted[0]!.id,
      via: 'fail',
      payload: { error: 11 },
    });
    expect(call.seen).toEqual(['fail:{"error":11}', 'complete']);
  });

  it('ignores an answer whose type throws when read', () => {
    const channel = createChannel();
    const call = callbacks();
    channel.host.getAuthCode(call.options);
    const hostile = Object.defineProperty(
      { id: channel.posted[0]!.id, via: 'success', payload: {} },
      'type',
      {
        get() {
          throw new Error('no access');
        },
      },
    );
    channel.answer(hostile);
    expect([call.seen, channel.listening()]).toEqual([[], true]);
  });

  it('answers callers that pass only some callbacks', () => {
    const channel = createChannel();
    const seen: unknown[] = [];
    const onlyComplete = {
      scopes: [LOGIN],
      complete: (result: unknown) => void seen.push(['complete', result]),
    };
    channel.host.getAuthCode(onlyComplete);
    channel.host.getAuthCode(onlyComplete);
    channel.host.getAuthCode({ scopes: [LOGIN], success: (result) => void seen.push(['success', result]) });
    channel.grant(channel.posted[0]!.id, 'CODE-ONLY-00001');
    channel.answer({ type: ANSWER_TYPE, id: channel.posted[1]!.id, via: 'fail', payload: { error: 11 } });
    channel.grant(channel.posted[2]!.id, 'CODE-ONLY-00002');
    expect(seen).toEqual([
      ['complete', { authCode: 'CODE-ONLY-00001', authSuccessScopes: [LOGIN] }],
      ['complete', { error: 11 }],
      ['success', { authCode: 'CODE-ONLY-00002', authSuccessScopes: [LOGIN] }],
    ]);
  });

  it('listens only while a request waits', () => {
    const channel = createChannel();
    channel.host.getAuthCode(callbacks().options);
    channel.host.getAuthCode(callbacks().options);
    expect(channel.listening()).toBe(true);
    channel.grant(channel.posted[0]!.id);
    expect(channel.listening()).toBe(true);
    channel.grant(channel.posted[1]!.id);
    expect([channel.listening(), channel.listens(), channel.stops()]).toEqual([false, 1, 1]);
  });

  it('throws (a host error for the flow) and stops listening when posting throws', () => {
    let stopped = false;
    const host = createWebViewHost({
      secret: SECRET,
      post() {
        throw new Error('bridge closed');
      },
      listen: () => () => void (stopped = true),
    });
    expect(() => host.getAuthCode(callbacks().options)).toThrow('bridge closed');
    expect(stopped).toBe(true);
  });

  it('keeps an answer that came while posting, then throws what posting threw, stopping once', () => {
    let deliver: ((message: unknown) => void) | undefined;
    let stops = 0;
    const host = createWebViewHost({
      secret: SECRET,
      listen(onMessage) {
        deliver = onMessage;
        return () => void (stops += 1);
      },
      post(message) {
        const { id } = message as WebViewRequest;
        deliver!({ type: ANSWER_TYPE, id, via: 'success', payload: { authCode: 'CODE-EARLY-0001' } });
        throw new Error('bridge closed after answering');
      },
    });
    const call = callbacks();
    expect(() => host.getAuthCode(call.options)).toThrow(new Error('bridge closed after answering'));
    expect([call.seen, stops]).toEqual([['success:{"authCode":"CODE-EARLY-0001"}', 'complete'], 1]);
  });
});

const NO_BRIDGE =
  'No web-view bridge: there is no global `my` with postMessage. Load the host’s web-view script (Alipay: https://appx/web-view.min.js) before asking for a code, or pass `post` and `listen`.';

describe('createWebViewHost with the web-view bridge `my`', () => {
  it('looks `my` up when a request starts, never at creation', () => {
    const getter = vi.fn(() => undefined);
    Object.defineProperty(globalThis, 'my', { get: getter, configurable: true });
    const host = createWebViewHost({ secret: SECRET });
    expect(getter).not.toHaveBeenCalled();
    expect(() => host.getAuthCode(callbacks().options)).toThrow(new Error(NO_BRIDGE));
    expect(getter).toHaveBeenCalled();
  });

  it('throws, installing nothing, when `my` has no postMessage', () => {
    const bridge: { onMessage?: unknown } = {};
    globals.my = bridge;
    expect(() => createWebViewHost({ secret: SECRET }).getAuthCode(callbacks().options)).toThrow(
      new Error(NO_BRIDGE),
    );
    expect(bridge).toEqual({});
  });

  it('posts with my.postMessage and answers through my.onMessage, keeping the previous handler', () => {
    const previousMessages: unknown[] = [];
    const previous = (message: unknown) => void previousMessages.push(message);
    const bridge = { postMessage: vi.fn(), onMessage: previous as unknown };
    globals.my = bridge;
    const host = createWebViewHost({ secret: SECRET });
    const call = callbacks();
    host.getAuthCode(call.options);
    const request = bridge.postMessage.mock.calls[0]![0] as WebViewRequest;
    expect(request.type).toBe(REQUEST_TYPE);
    expect(bridge.onMessage).not.toBe(previous);

    (bridge.onMessage as (message: unknown) => void)({ type: 'chat', text: 'hi' });
    expect(previousMessages).toEqual([{ type: 'chat', text: 'hi' }]);

    (bridge.onMessage as (message: unknown) => void)({
      type: ANSWER_TYPE,
      id: request.id,
      via: 'success',
      payload: { authCode: 'CODE-BRIDGE-0001' },
    });
    expect(call.seen[0]).toMatch(/^success:/);
    expect(bridge.onMessage).toBe(previous);
  });

  it('leaves a handler someone else installed meanwhile in place', () => {
    const bridge = { postMessage: vi.fn(), onMessage: undefined as unknown };
    globals.my = bridge;
    const host = createWebViewHost({ secret: SECRET });
    host.getAuthCode(callbacks().options);
    const ours = bridge.onMessage as (message: unknown) => void;
    const theirs = () => {};
    bridge.onMessage = theirs;
    const request = bridge.postMessage.mock.calls[0]![0] as WebViewRequest;
    ours({ type: ANSWER_TYPE, id: request.id, via: 'fail', payload: { error: 11 } });
    expect(bridge.onMessage).toBe(theirs);
  });
});

describe('createWebViewHost in a flow', () => {
  it('a late answer after the core timed out changes nothing', async () => {
    vi.useFakeTimers();
    const channel = createChannel();
    const { actor, view } = startFlowActor({ host: channel.host, scopes: [LOGIN], timeoutMs: 50 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    expect(view().error?.kind).toBe('timeout');
    channel.grant(channel.posted[0]!.id);
    expect(view().status).toBe('failed');
    expect(view().authCode).toBeUndefined();
  });

  it('a late answer after a cancel changes nothing', async () => {
    const channel = createChannel();
    const { actor, view } = startFlowActor({ host: channel.host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    channel.grant(channel.posted[0]!.id);
    await settle();
    expect(view().status).toBe('idle');
    expect(view().authCode).toBeUndefined();
  });

  it('a retry after a timeout is a new id, and the old id’s answer is not taken for it', async () => {
    vi.useFakeTimers();
    const channel = createChannel();
    const { actor, view } = startFlowActor({ host: channel.host, scopes: [LOGIN], timeoutMs: 50 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    actor.send({ type: 'RETRY' });
    expect(channel.posted).toHaveLength(2);
    channel.grant(channel.posted[0]!.id, 'STALE-CODE-0001');
    expect(view().status).toBe('consenting');
    channel.grant(channel.posted[1]!.id, 'FRESH-CODE-0001');
    // Only what is due now: running every timer would also end the code's lifetime.
    await vi.advanceTimersByTimeAsync(0);
    expect(view().status).toBe('success');
    expect(view().authCode).toBe('FRESH-CODE-0001');
  });

  it('a page that never answers times out', () => {
    vi.useFakeTimers();
    const channel = createChannel();
    const { actor, view } = startFlowActor({ host: channel.host, scopes: [LOGIN], timeoutMs: 50 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    expect([view().status, view().error?.kind]).toEqual(['failed', 'timeout']);
  });

  it('stops listening and forgets the request when the flow is cancelled: the answer after that reaches nobody', async () => {
    const channel = createChannel();
    const { actor, view } = startFlowActor({ host: channel.host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(channel.listening()).toBe(true);
    actor.send({ type: 'CANCEL' });
    await settle();
    expect([channel.listening(), channel.stops()]).toEqual([false, 1]);
    expect(view().status).toBe('idle');
  });

  it('stops listening when the flow times out, is reset or is stopped', async () => {
    vi.useFakeTimers();
    const timedOut = createChannel();
    startFlowActor({ host: timedOut.host, scopes: [LOGIN], timeoutMs: 50 }).actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    expect(timedOut.listening()).toBe(false);
    vi.useRealTimers();

    const reset = createChannel();
    const resetFlow = startFlowActor({ host: reset.host, scopes: [LOGIN] });
    resetFlow.actor.send({ type: 'REQUEST' });
    resetFlow.actor.send({ type: 'RESET' });
    const stopped = createChannel();
    const stoppedFlow = startFlowActor({ host: stopped.host, scopes: [LOGIN] });
    stoppedFlow.actor.send({ type: 'REQUEST' });
    stoppedFlow.actor.stop();
    await settle();
    expect([reset.listening(), stopped.listening()]).toEqual([false, false]);
  });

  it('keeps listening for a request that still waits when another flow on the same host is cancelled', async () => {
    const channel = createChannel();
    const waiting = startFlowActor({ host: channel.host, scopes: [LOGIN] });
    const cancelled = startFlowActor({ host: channel.host, scopes: [LOGIN] });
    waiting.actor.send({ type: 'REQUEST' });
    cancelled.actor.send({ type: 'REQUEST' });
    cancelled.actor.send({ type: 'CANCEL' });
    await settle();
    expect(channel.listening()).toBe(true);
    channel.grant(channel.posted[0]!.id);
    await settle();
    expect([waiting.view().status, channel.listening()]).toEqual(['success', false]);
  });
});

describe('createWebViewHost and the secret in its address', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubAddress(href: string) {
    const replaced: string[] = [];
    const location = { href };
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', {
      state: { route: 'kept' },
      replaceState(state: unknown, _title: string, url: string) {
        expect(state).toEqual({ route: 'kept' });
        replaced.push(url);
        location.href = url;
      },
    });
    return { location, replaced };
  }

  it('reads the secret from the fragment when created, removes it from the address at once, and sends it', () => {
    const address = stubAddress(
      'https://h5.example.com/authcode/?from=mp#authcode-secret=SECRET-FROM-SRC-00001',
    );
    const posted: WebViewRequest[] = [];
    const host = createWebViewHost({
      post: (message) => void posted.push(message as WebViewRequest),
      listen: () => () => {},
    });
    expect(address.replaced).toEqual(['https://h5.example.com/authcode/?from=mp']);
    host.getAuthCode(callbacks().options);
    expect(posted[0]!.secret).toBe('SECRET-FROM-SRC-00001');
  });

  it('keeps the rest of a hash route', () => {
    const address = stubAddress('https://h5.example.com/#/profile?tab=1&authcode-secret=SECRET-HASH-ROUTE-1');
    expect(takeWebViewSecret()).toBe('SECRET-HASH-ROUTE-1');
    expect(address.location.href).toBe('https://h5.example.com/#/profile?tab=1');
  });

  it('leaves an address without a secret alone, and then refuses to ask, saying why', () => {
    const address = stubAddress('https://h5.example.com/other-path#section');
    const posted: unknown[] = [];
    const host = createWebViewHost({ post: (message) => void posted.push(message), listen: () => () => {} });
    expect(address.replaced).toEqual([]);
    expect(() => host.getAuthCode(callbacks().options)).toThrow(/No web-view secret/);
    expect(posted).toEqual([]);
  });

  it('takes a secret passed in, for a page whose router ran first', () => {
    stubAddress('https://h5.example.com/');
    const posted: WebViewRequest[] = [];
    createWebViewHost({
      secret: 'SECRET-PASSED-IN-0001',
      post: (message) => void posted.push(message as WebViewRequest),
      listen: () => () => {},
    }).getAuthCode(callbacks().options);
    expect(posted[0]!.secret).toBe('SECRET-PASSED-IN-0001');
  });

  it('fails in a flow with kind host when the page was not opened with a secret', async () => {
    stubAddress('https://h5.example.com/');
    const { actor, view } = startFlowActor({
      host: createWebViewHost({ post: () => {}, listen: () => () => {} }),
      scopes: [LOGIN],
    });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect(view().error).toMatchObject({
      kind: 'host',
      message: expect.stringMatching(/No web-view secret/),
    });
  });
});
