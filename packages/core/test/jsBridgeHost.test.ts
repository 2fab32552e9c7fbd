import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJSBridgeHost, readBridgeAnswer, type JSBridge } from '../src/hosts';
import type { GetAuthCodeOptions } from '../src/index';
import { LOGIN, EMAIL, settle, startFlowActor } from './support/bridgeDoubles';

const globals = globalThis as { AlipayJSBridge?: unknown; document?: unknown };

afterEach(() => {
  delete globals.AlipayJSBridge;
  delete globals.document;
  vi.useRealTimers();
});

/** A scripted bridge: records each call and answers only when the test says so. */
function createBridge() {
  const calls: { api: string; params: object; callback: (result: unknown) => void }[] = [];
  const bridge: JSBridge = { call: (api, params, callback) => void calls.push({ api, params, callback }) };
  return {
    bridge,
    calls,
    answer: (result: unknown, index = calls.length - 1) => calls[index]!.callback(result),
  };
}

function callbacks(scopes = [LOGIN]) {
  const seen: string[] = [];
  const options: GetAuthCodeOptions = {
    scopes,
    success: (result) => seen.push(`success:${JSON.stringify(result)}`),
    fail: (result) => seen.push(`fail:${JSON.stringify(result)}`),
    complete: () => seen.push('complete'),
  };
  return { seen, options };
}

describe('createJSBridgeHost', () => {
  it('calls getAuthCode with the scopes as scopeNicks', () => {
    const { bridge, calls } = createBridge();
    createJSBridgeHost({ bridge }).getAuthCode(callbacks([LOGIN, EMAIL]).options);
    expect(calls.map(({ api, params }) => [api, params])).toEqual([
      ['getAuthCode', { scopeNicks: [LOGIN, EMAIL] }],
    ]);
  });

  it('reads authCode, or a lowercase authcode, as a success', () => {
    const { bridge, answer } = createBridge();
    const host = createJSBridgeHost({ bridge });
    const upper = callbacks();
    host.getAuthCode(upper.options);
    answer({ authCode: 'CODE-UPPER-0001', status: 'confirm' });
    expect(upper.seen).toEqual(['success:{"authCode":"CODE-UPPER-0001","status":"confirm"}', 'complete']);
    const lower = callbacks();
    host.getAuthCode(lower.options);
    answer({ authcode: 'CODE-LOWER-0001' });
    expect(lower.seen).toEqual(['success:{"authCode":"CODE-LOWER-0001"}', 'complete']);
  });

  it("turns status: 'cancel' into a decline with code 11", () => {
    const { bridge, answer } = createBridge();
    const call = callbacks();
    createJSBridgeHost({ bridge }).getAuthCode(call.options);
    answer({ authCode: '', status: 'cancel' });
    expect(call.seen[0]).toMatch(/^fail:\{"error":11,/);
  });

  it('passes { error, errorMessage } through as a fail', () => {
    const { bridge, answer } = createBridge();
    const call = callbacks();
    createJSBridgeHost({ bridge }).getAuthCode(call.options);
    answer({ error: '11', errorMessage: 'user cancel' });
    expect(call.seen).toEqual(['fail:{"error":"11","errorMessage":"user cancel"}', 'complete']);
  });

  it('passes a malformed answer on for the core to report', () => {
    expect(readBridgeAnswer('garbage')).toEqual({ via: 'success', payload: 'garbage' });
    expect(readBridgeAnswer({ status: 'confirm' })).toEqual({
      via: 'success',
      payload: { status: 'confirm' },
    });
  });

  it('uses the global AlipayJSBridge, looked up when a request starts', () => {
    const host = createJSBridgeHost();
    const { bridge, calls } = createBridge();
    globals.AlipayJSBridge = bridge;
    host.getAuthCode(callbacks().options);
    expect(calls).toHaveLength(1);
  });

  it('throws (a host error for the flow) without a bridge or a document to wait on', () => {
    expect(() => createJSBridgeHost().getAuthCode(callbacks().options)).toThrow(/No AlipayJSBridge/);
  });

  it('waits for AlipayJSBridgeReady when the bridge is not there yet, then calls it once', () => {
    const page = new EventTarget();
    globals.document = page;
    const call = callbacks();
    createJSBridgeHost().getAuthCode(call.options);
    const { bridge, calls, answer } = createBridge();
    globals.AlipayJSBridge = bridge;
    page.dispatchEvent(new Event('AlipayJSBridgeReady'));
    page.dispatchEvent(new Event('AlipayJSBridgeReady'));
    expect(calls).toHaveLength(1);
    answer({ authCode: 'CODE-READY-0001' });
    expect(call.seen[0]).toMatch(/^success:/);
  });

  it('fails, saying why, when the ready event comes without a bridge', () => {
    const page = new EventTarget();
    globals.document = page;
    const call = callbacks();
    createJSBridgeHost().getAuthCode(call.options);
    page.dispatchEvent(new Event('AlipayJSBridgeReady'));
    expect(call.seen[0]).toMatch(/^fail:.*no-bridge.*AlipayJSBridgeReady fired/);
  });
});

const NO_BRIDGE =
  'No AlipayJSBridge: this page is not inside an Alipay-family app (and has no document to wait for AlipayJSBridgeReady on).';

describe('readBridgeAnswer', () => {
  it.each([
    ['null', null, { via: 'success', payload: null }],
    [
      "status: 'cancel'",
      { authCode: '', status: 'cancel' },
      {
        via: 'fail',
        payload: { error: 11, errorMessage: 'The user cancelled the consent (status: cancel).' },
      },
    ],
    [
      'no code at all (no authCode key added)',
      { status: 'confirm' },
      { via: 'success', payload: { status: 'confirm' } },
    ],
    [
      'both spellings (authCode wins)',
      { authCode: 'CODE-UPPER-0002', authcode: 'CODE-LOWER-0003' },
      { via: 'success', payload: { authCode: 'CODE-UPPER-0002' } },
    ],
    [
      'error: null (no error)',
      { authCode: 'CODE-NULL-00001', error: null },
      { via: 'success', payload: { authCode: 'CODE-NULL-00001', error: null } },
    ],
    [
      "error: '' (no error)",
      { authCode: 'CODE-EMPTY-0001', error: '' },
      { via: 'success', payload: { authCode: 'CODE-EMPTY-0001', error: '' } },
    ],
    [
      'an error code',
      { error: '11', errorMessage: 'user cancel' },
      { via: 'fail', payload: { error: '11', errorMessage: 'user cancel' } },
    ],
  ])('reads %s', (_name, result, expected) => {
    expect(readBridgeAnswer(result)).toStrictEqual(expected);
  });
});

describe('createJSBridgeHost: the global AlipayJSBridge', () => {
  it.each([
    ['null', null],
    ['an object without call', {}],
    ['an object whose call is not a function', { call: 'getAuthCode' }],
    ['a function (it has a call method, but is no bridge)', () => {}],
    [
      'an object whose call throws when read',
      Object.defineProperty({}, 'call', {
        get() {
          throw new Error('no access');
        },
      }),
    ],
  ])('is no bridge when it is %s', (_name, value) => {
    globals.AlipayJSBridge = value;
    expect(() => createJSBridgeHost().getAuthCode(callbacks().options)).toThrow(new Error(NO_BRIDGE));
  });
});

describe('createJSBridgeHost: callers that pass only some callbacks', () => {
  it('answers a success or a fail with complete alone', () => {
    const { bridge, answer } = createBridge();
    const host = createJSBridgeHost({ bridge });
    const seen: unknown[] = [];
    host.getAuthCode({ scopes: [LOGIN], complete: (result) => void seen.push(result) });
    answer({ authCode: 'CODE-ONLY-00001' });
    host.getAuthCode({ scopes: [LOGIN], complete: (result) => void seen.push(result) });
    answer({ error: '11' });
    expect(seen).toEqual([{ authCode: 'CODE-ONLY-00001' }, { error: '11' }]);
  });

  it('answers without complete', () => {
    const { bridge, answer } = createBridge();
    const call = callbacks();
    const { complete: _complete, ...withoutComplete } = call.options;
    createJSBridgeHost({ bridge }).getAuthCode(withoutComplete);
    answer({ authCode: 'CODE-NO-COMPL-1' });
    expect(call.seen).toEqual(['success:{"authCode":"CODE-NO-COMPL-1"}']);
  });

  it('fails a ready event without a bridge through whichever of fail and complete it was given', () => {
    const listeners: (() => void)[] = [];
    globals.document = {
      addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
      removeEventListener() {},
    };
    const noBridge = {
      error: 'no-bridge',
      errorMessage: 'AlipayJSBridgeReady fired, but there is no AlipayJSBridge with a call function.',
    };
    const seen: unknown[] = [];
    const host = createJSBridgeHost();
    host.getAuthCode({ scopes: [LOGIN], complete: (result) => void seen.push(['complete', result]) });
    host.getAuthCode({ scopes: [LOGIN], fail: (result) => void seen.push(['fail', result]) });
    for (const listener of listeners) listener();
    expect(seen).toEqual([
      ['complete', noBridge],
      ['fail', noBridge],
    ]);
  });
});

describe('createJSBridgeHost in a flow', () => {
  it('a bridge that never gets ready ends in the core timeout', () => {
    vi.useFakeTimers();
    globals.document = new EventTarget();
    const { actor, view } = startFlowActor({ host: createJSBridgeHost(), scopes: [LOGIN], timeoutMs: 50 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    expect([view().status, view().error?.kind]).toEqual(['failed', 'timeout']);
  });

  it('a cancel from the bridge reads as declined (11)', async () => {
    const { bridge, answer } = createBridge();
    const { actor, view } = startFlowActor({ host: createJSBridgeHost({ bridge }), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    answer({ status: 'cancel' });
    await settle();
    expect([view().error?.kind, view().error?.code]).toEqual(['declined', '11']);
  });

  it('a lowercase authcode grants', async () => {
    const { bridge, answer } = createBridge();
    const { actor, view } = startFlowActor({ host: createJSBridgeHost({ bridge }), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    answer({ authcode: 'CODE-LOWER-0002' });
    await settle();
    expect([view().status, view().authCode]).toEqual(['success', 'CODE-LOWER-0002']);
  });

  it('a second callback from the bridge changes nothing', async () => {
    const { bridge, answer } = createBridge();
    const { actor, view } = startFlowActor({ host: createJSBridgeHost({ bridge }), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    answer({ authCode: 'CODE-FIRST-0001' });
    answer({ error: '11' });
    await settle();
    expect([view().status, view().authCode]).toEqual(['success', 'CODE-FIRST-0001']);
  });

  it.each([
    ['cancelled', (actor: ReturnType<typeof startFlowActor>['actor']) => actor.send({ type: 'CANCEL' })],
    ['reset', (actor: ReturnType<typeof startFlowActor>['actor']) => actor.send({ type: 'RESET' })],
    ['stopped', (actor: ReturnType<typeof startFlowActor>['actor']) => actor.stop()],
  ])(
    'a flow %s before AlipayJSBridgeReady never calls the bridge when the event comes',
    async (_name, stop) => {
      const page = new EventTarget();
      const removed = vi.spyOn(page, 'removeEventListener');
      globals.document = page;
      const { actor } = startFlowActor({ host: createJSBridgeHost(), scopes: [LOGIN] });
      actor.send({ type: 'REQUEST' });
      stop(actor);
      await settle();
      expect(removed).toHaveBeenCalledWith('AlipayJSBridgeReady', expect.any(Function));
      const { bridge, calls } = createBridge();
      globals.AlipayJSBridge = bridge;
      page.dispatchEvent(new Event('AlipayJSBridgeReady'));
      expect(calls).toEqual([]);
    },
  );

  it('a flow that timed out before AlipayJSBridgeReady never calls the bridge when the event comes', () => {
    vi.useFakeTimers();
    const page = new EventTarget();
    globals.document = page;
    const { actor } = startFlowActor({ host: createJSBridgeHost(), scopes: [LOGIN], timeoutMs: 50 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(60);
    const { bridge, calls } = createBridge();
    globals.AlipayJSBridge = bridge;
    page.dispatchEvent(new Event('AlipayJSBridgeReady'));
    expect(calls).toEqual([]);
  });

  it('a flow still waiting when AlipayJSBridgeReady comes calls the bridge once and gets its answer', async () => {
    const page = new EventTarget();
    globals.document = page;
    const { actor, view } = startFlowActor({ host: createJSBridgeHost(), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    const { bridge, calls, answer } = createBridge();
    globals.AlipayJSBridge = bridge;
    page.dispatchEvent(new Event('AlipayJSBridgeReady'));
    answer({ authCode: 'CODE-AFTER-READY-1' });
    await settle();
    expect([calls.length, view().status]).toEqual([1, 'success']);
  });
});
