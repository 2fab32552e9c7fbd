import { fromCallback } from 'xstate';
import type { AuthCodeHost, Scope } from './types';

/** The first thing a host call produced: a callback with its payload, or a synchronous throw. */
export type HostAnswer =
  { via: 'success' | 'fail' | 'complete'; payload: unknown } | { via: 'throw'; error: unknown };

export interface HostAnswerEvent {
  type: 'HOST.ANSWER';
  answer: HostAnswer;
}

function isHost(value: unknown): value is AuthCodeHost {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { getAuthCode?: unknown }).getAuthCode === 'function'
  );
}

function readGlobalHost(): unknown {
  try {
    return (globalThis as { my?: unknown }).my;
  } catch {
    // A throwing global getter is as good as no host.
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
}

/**
 * Calls `getAuthCode` once and reports what comes back. Only the first answer counts: the machine
 * takes `HOST.ANSWER` in `consenting` alone, and leaving it stops this actor, after which XState
 * drops anything it sends (late answers after cancel, reset, timeout or unmount included).
 */
export const hostCall = fromCallback<HostAnswerEvent, HostCallInput>(({ input, sendBack }) => {
  const answer = (reply: HostAnswer) => sendBack({ type: 'HOST.ANSWER', answer: reply });
  try {
    const host = findHost(input.host);
    if (!host) throw new Error(describeMissingHost(input.host));
    host.getAuthCode({
      // A copy: the host must not be able to change the flow's own list.
      scopes: [...input.scopes],
      success: (payload) => answer({ via: 'success', payload }),
      fail: (payload) => answer({ via: 'fail', payload }),
      complete: (payload) => answer({ via: 'complete', payload }),
    });
  } catch (error) {
    answer({ via: 'throw', error });
  }
});
