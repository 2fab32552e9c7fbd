import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAbortHandle, createStandInAbort } from '../src/machine/abort';

afterEach(() => vi.unstubAllGlobals());

describe('createAbortHandle', () => {
  it("uses the engine's own controller where there is one", () => {
    expect(createAbortHandle()).toBeInstanceOf(AbortController);
  });

  it('falls back to the stand-in where the engine has no controller', () => {
    vi.stubGlobal('AbortController', undefined);
    const handle = createAbortHandle();
    expect(handle.signal.aborted).toBe(false);
    handle.abort();
    expect(handle.signal.aborted).toBe(true);
  });
});

describe('the stand-in signal', () => {
  it('starts unaborted and does not throw', () => {
    const { signal } = createStandInAbort();
    expect(signal.aborted).toBe(false);
    expect(signal.reason).toBeUndefined();
    expect(() => signal.throwIfAborted()).not.toThrow();
  });

  it('fires onabort and every listener once, with an AbortError reason by default', () => {
    const { signal, abort } = createStandInAbort();
    const onabort = vi.fn();
    const listener = vi.fn();
    const handler = { handleEvent: vi.fn() };
    signal.onabort = onabort;
    signal.addEventListener('abort', listener);
    signal.addEventListener('abort', handler);
    abort();
    abort();
    expect(onabort).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(handler.handleEvent).toHaveBeenCalledTimes(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe('AbortError');
    expect(() => signal.throwIfAborted()).toThrow(signal.reason as Error);
  });

  it('keeps the reason it was given and skips removed listeners', () => {
    const { signal, abort } = createStandInAbort();
    const removed = vi.fn();
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    const reason = new Error('timed out');
    abort(reason);
    expect(removed).not.toHaveBeenCalled();
    expect(signal.reason).toBe(reason);
  });

  it('passes every listener an abort event and reads by default as an AbortError that says what was aborted', () => {
    const { signal, abort } = createStandInAbort();
    const listener = vi.fn();
    const onabort = vi.fn();
    signal.addEventListener('abort', listener);
    signal.onabort = onabort;
    abort();
    expect(listener).toHaveBeenCalledWith({ type: 'abort' });
    expect(onabort).toHaveBeenCalledWith({ type: 'abort' });
    expect(signal.reason).toBeInstanceOf(Error);
    expect({ name: (signal.reason as Error).name, message: (signal.reason as Error).message }).toEqual({
      name: 'AbortError',
      message: 'The exchange was aborted.',
    });
  });

  it('keeps an abort listener when a listener of another type is removed', () => {
    const { signal, abort } = createStandInAbort();
    const listener = vi.fn();
    signal.addEventListener('abort', listener);
    signal.removeEventListener('other' as 'abort', listener);
    abort();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores listeners for other event types', () => {
    const { signal, abort } = createStandInAbort();
    const other = vi.fn();
    signal.addEventListener('other' as 'abort', other);
    abort();
    expect(other).not.toHaveBeenCalled();
  });
});
