/** What a flow needs to abort an exchange: a signal for `exchange`, and a way to fire it. */
export interface AbortHandle {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

/**
 * The engine's own abort controller where it has one. Many mini-program logic layers do not: there the
 * signal is a small stand-in with `aborted`, `reason`, `onabort`, `addEventListener('abort', …)`,
 * `removeEventListener` and `throwIfAborted()`, enough for an `exchange` to stop its own work.
 */
export function createAbortHandle(): AbortHandle {
  return typeof AbortController === 'function' ? new AbortController() : createStandInAbort();
}

type AbortListener = ((event: { type: 'abort' }) => void) | { handleEvent(event: { type: 'abort' }): void };

export function createStandInAbort(): AbortHandle {
  // A null listener may be added: it does nothing, as with an engine's own signal.
  const listeners = new Set<AbortListener | null>();
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    onabort: null as ((event: { type: 'abort' }) => void) | null,
    addEventListener(type: string, listener: AbortListener | null) {
      if (type === 'abort') listeners.add(listener);
    },
    removeEventListener(type: string, listener: AbortListener) {
      if (type === 'abort') listeners.delete(listener);
    },
    throwIfAborted() {
      if (signal.aborted) throw signal.reason;
    },
  };
  return {
    signal: signal as unknown as AbortSignal,
    abort(reason?: unknown) {
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason ?? Object.assign(new Error('The exchange was aborted.'), { name: 'AbortError' });
      const event = { type: 'abort' as const };
      // `onabort` (perhaps null) first, as an engine's own signal does; a listener added meanwhile is not called.
      for (const listener of [signal.onabort, ...listeners]) {
        if (typeof listener === 'function') listener(event);
        else listener?.handleEvent(event);
      }
    },
  };
}
