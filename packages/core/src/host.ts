import { fromResumable } from './resumable.js';
import type { AuthCodeHost, Scope } from './types.js';

/** The first thing a host call produced: a callback with its payload, or a synchronous throw. */
export type HostAnswer =
  { via: 'success' | 'fail' | 'complete'; payload: unknown } | { via: 'throw'; error: unknown };

/** What a host call reports: its first answer, or that it did not answer in time. */
export type HostEvent = { type: 'HOST.ANSWER'; answer: HostAnswer } | { type: 'HOST.TIMEOUT' };

function isHost(value: unknown): value is AuthCodeHost {
  try {
    return (
      (typeof value === 'object' || typeof value === 'function') &&
      value !== null &&
      typeof (value as { getAuthCode?: unknown }).getAuthCode === 'function'
    );
  } catch {
    // A host whose getAuthCode getter throws cannot be called.
    return false;
  }
}

// Mini-program frameworks hand `my` to each compiled module as a parameter, where `globalThis.my`
// may not exist; the bare name stays bound to it after bundling, and also finds a global `my`.
declare const my: unknown;

function readGlobalHost(): unknown {
  try {
    return my;
  } catch {
    // Not defined anywhere (a ReferenceError), or a throwing global getter: no host either way.
    return undefined;
  }
}

/** The host to call: the one given, else the global `my`; `undefined` when neither can get an auth code. */
export function findHost(host: AuthCodeHost | undefined): AuthCodeHost | undefined {
  const candidate = host ?? readGlobalHost();
  return isHost(candidate) ? candidate : undefined;
}

export function describeMissingHost(host: AuthCodeHost | undefined): string {
  return host === undefined
    ? 'No super-app host: there is no global `my` with a getAuthCode function. Outside a super app, pass `host` in the input (for example createSimulatedHost()).'
    : 'The `host` given in the input has no getAuthCode function.';
}

export interface HostCallInput {
  host: AuthCodeHost | undefined;
  scopes: readonly Scope[];
  /** 0 waits forever. */
  timeoutMs: number;
}

/**
 * Calls `getAuthCode` once and reports its first answer, or `HOST.TIMEOUT`. The timer is the call's
 * own, not a delayed transition, so that it keeps running when the actor restarts. Once the flow
 * leaves `consenting`, this work is disposed and late answers go nowhere.
 */
export const hostCall = fromResumable<HostCallInput, HostEvent>(
  ({ host: given, scopes, timeoutMs }, report) => {
    let settled = false;
    const settle = (event: HostEvent) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      report(event);
    };
    const answer = (reply: HostAnswer) => settle({ type: 'HOST.ANSWER', answer: reply });
    const timer = timeoutMs > 0 ? setTimeout(() => settle({ type: 'HOST.TIMEOUT' }), timeoutMs) : undefined;
    try {
      const host = findHost(given);
      if (!host) throw new Error(describeMissingHost(given));
      host.getAuthCode({
        // A copy: the host must not be able to change the flow's own list.
        scopes: [...scopes],
        success: (payload) => answer({ via: 'success', payload }),
        fail: (payload) => answer({ via: 'fail', payload }),
        complete: (payload) => answer({ via: 'complete', payload }),
      });
    } catch (error) {
      answer({ via: 'throw', error });
    }
    return () => {
      settled = true;
      clearTimeout(timer);
    };
  },
);
