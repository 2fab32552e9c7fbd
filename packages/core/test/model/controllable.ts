import { vi } from 'vitest';
import type { AuthCodeGrant, AuthCodeHost, ExchangeContext, GetAuthCodeOptions } from '../../src/index';

/** One `getAuthCode` call as the host saw it, with the callbacks the library passed. */
export interface RecordedCall {
  /** 0 for the first call of this host. */
  index: number;
  scopes: string[];
  options: GetAuthCodeOptions;
}

export type CallbackName = 'success' | 'fail' | 'complete';

export interface ControllableHost {
  /**
   * What goes into the machine input (or the global `my`). It holds nothing but `getAuthCode`, so
   * the context's JSON never shows test state such as the codes a test issued.
   */
  readonly host: AuthCodeHost;
  readonly calls: readonly RecordedCall[];
  latest(): RecordedCall | undefined;
  /** Makes the next call throw synchronously, as a broken JSAPI bridge does. */
  throwOnNextCall(error: unknown): void;
}

/** Calls one of a recorded call's callbacks, as the host would (late or not). */
export function answerCall(call: RecordedCall, via: CallbackName, payload: unknown): void {
  // The library always passes all three; the host API types them as optional.
  const callback = call.options[via] as ((result: unknown) => void) | undefined;
  if (!callback) throw new Error(`getAuthCode was called without a ${via} callback`);
  callback(payload);
}

/**
 * A host that records every call and answers only when told to. `onCall` runs inside
 * `getAuthCode` (it may answer synchronously or throw).
 */
export function createControllableHost(onCall?: (call: RecordedCall) => void): ControllableHost {
  const calls: RecordedCall[] = [];
  const pendingThrows: unknown[] = [];
  return {
    host: {
      getAuthCode(options) {
        const call = { index: calls.length, scopes: [...options.scopes], options };
        calls.push(call);
        if (pendingThrows.length > 0) throw pendingThrows.shift();
        onCall?.(call);
      },
    },
    calls,
    latest: () => calls.at(-1),
    throwOnNextCall: (error) => {
      pendingThrows.push(error);
    },
  };
}

export interface RecordedExchange {
  grant: AuthCodeGrant;
  signal: AbortSignal;
  resolve(session: unknown): void;
  reject(reason: unknown): void;
}

export interface ControllableExchange {
  readonly exchange: (grant: AuthCodeGrant, context: ExchangeContext) => Promise<unknown>;
  readonly calls: readonly RecordedExchange[];
  latest(): RecordedExchange | undefined;
}

/** An `exchange` whose every call returns a promise the test settles. */
export function createControllableExchange(): ControllableExchange {
  const calls: RecordedExchange[] = [];
  return {
    exchange: (grant, { signal }) =>
      new Promise((resolve, reject) => {
        calls.push({ grant: { ...grant }, signal, resolve, reject });
      }),
    calls,
    latest: () => calls.at(-1),
  };
}

/** Lets settled promises reach the actor (fake timers leave microtasks alone; this yields to them). */
export async function flushPromises(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}
