import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthCodeHost, GetAuthCodeOptions, HostCallContext } from '../src/index';
import { LOGIN, settle, startFlowActor } from './support/flows';

const globals = globalThis as { my?: unknown };

afterEach(() => {
  delete globals.my;
  vi.useRealTimers();
});

/** A host of this library's kind: it declares a signal and records what it gets. */
function createSignalHost(takesSignal: unknown = true) {
  const calls: { options: GetAuthCodeOptions; args: number; context: HostCallContext | undefined }[] = [];
  const host = {
    takesSignal,
    getAuthCode(options: GetAuthCodeOptions, context?: HostCallContext) {
      // `arguments`, not the parameter: a host that takes no signal must not get a second argument at all.
      calls.push({ options, args: arguments.length, context });
    },
  } as AuthCodeHost;
  return { host, calls, signal: () => calls[0]!.context!.signal };
}

describe('what reaches getAuthCode', () => {
  it('the global `my` gets exactly { scopes, success, fail, complete }, as one argument', () => {
    const getAuthCode = vi.fn();
    globals.my = { getAuthCode };
    startFlowActor({ scopes: [LOGIN] }).actor.send({ type: 'REQUEST' });
    expect(getAuthCode).toHaveBeenCalledTimes(1);
    expect(getAuthCode.mock.calls[0]).toHaveLength(1);
    expect(Object.keys(getAuthCode.mock.calls[0]![0]).sort()).toEqual([
      'complete',
      'fail',
      'scopes',
      'success',
    ]);
  });

  it.each([['"yes"'], [1], [{}]])(
    'a host whose takesSignal is %s rather than true gets the options alone',
    (takesSignal) => {
      const { host, calls } = createSignalHost(takesSignal);
      startFlowActor({ host, scopes: [LOGIN] }).actor.send({ type: 'REQUEST' });
      expect(calls.map(({ args }) => args)).toEqual([1]);
    },
  );

  it('a host that declares takesSignal gets the same four options and a signal beside them', () => {
    const { host, calls, signal } = createSignalHost();
    startFlowActor({ host, scopes: [LOGIN] }).actor.send({ type: 'REQUEST' });
    expect(Object.keys(calls[0]!.options).sort()).toEqual(['complete', 'fail', 'scopes', 'success']);
    expect([calls[0]!.args, signal().aborted]).toEqual([2, false]);
  });
});

describe('the signal of a host that takes one', () => {
  it.each([
    ['is cancelled', { type: 'CANCEL' }],
    ['is reset', { type: 'RESET' }],
  ] as const)('aborts when the flow %s', async (_name, event) => {
    const { host, signal } = createSignalHost();
    const { actor } = startFlowActor({ host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    actor.send(event);
    await settle();
    expect(signal().aborted).toBe(true);
  });

  it('aborts when the flow is stopped', async () => {
    const { host, signal } = createSignalHost();
    const { actor } = startFlowActor({ host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    actor.stop();
    await settle();
    expect(signal().aborted).toBe(true);
  });

  it('aborts when the flow times out, and not before', () => {
    vi.useFakeTimers();
    const { host, signal } = createSignalHost();
    startFlowActor({ host, scopes: [LOGIN], timeoutMs: 100 }).actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(99);
    expect(signal().aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal().aborted).toBe(true);
  });

  it('aborts once the host answered: the flow waits for nothing more', async () => {
    const { host, calls, signal } = createSignalHost();
    const { actor, view } = startFlowActor({ host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    calls[0]!.options.success?.({ authCode: 'CODE-SIGNAL-0001', authSuccessScopes: [LOGIN] });
    await settle();
    expect([view().status, signal().aborted]).toEqual(['success', true]);
  });

  it('works where the engine has no AbortController (a logic layer)', async () => {
    vi.stubGlobal('AbortController', undefined);
    try {
      const { host, signal } = createSignalHost();
      const { actor } = startFlowActor({ host, scopes: [LOGIN] });
      actor.send({ type: 'REQUEST' });
      const onAbort = vi.fn();
      signal().addEventListener('abort', onAbort);
      actor.send({ type: 'CANCEL' });
      await settle();
      expect([signal().aborted, onAbort.mock.calls.length]).toEqual([true, 1]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
