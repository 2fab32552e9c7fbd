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
  const listeners = new Set<AbortListener>();
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    onabort: null as ((event: { type: 'abort' }) => void) | null,
    addEventListener(type: string, listener: AbortListener) {
      if (type === 'abort' && listener) listeners.add(listener);
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
      signal.reason = reason ?? abortError();
      const event = { type: 'abort' as const };
      signal.onabort?.(event);
      for (const listener of [...listeners]) {
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      }
    },
  };
}

function abortError(): Error {
  const error = new Error('The exchange was aborted.');
  error.name = 'AbortError';
  return error;
}
