import { explain } from '../errors/messages.js';
import { takeTurn } from '../superApp/hostTurns.js';
import type { AuthCodeHost, HostSource, Scope } from '../types.js';
import { createAbortHandle, type AbortHandle } from './abort.js';
import { readPayload, type HostAnswer } from './hostAnswer.js';
import { fromResumable } from './resumable.js';

/** What a host call reports: its first answer, or that it did not answer in time. */
export type HostEvent = { type: 'HOST.ANSWER'; answer: HostAnswer } | { type: 'HOST.TIMEOUT' };

// Mini-program frameworks hand `my` to each compiled module as a parameter, where `globalThis.my`
// may not exist; the bare name stays bound to it after bundling, and also finds a global `my`.
declare const my: unknown;

/** A host given as a function without getAuthCode of its own: called when a request starts. */
export const isHostSource = (host: unknown): host is HostSource =>
  typeof host === 'function' && !('getAuthCode' in host);

/** The host to call: the one given, else the global `my`; `undefined` when neither can get an auth code. */
export function findHost(host: AuthCodeHost | HostSource | undefined): AuthCodeHost | undefined {
  try {
    const candidate = host ?? my;
    // Only an object or a function: never a primitive, even with a getAuthCode on its prototype.
    if (
      Object(candidate) === candidate &&
      typeof (candidate as { getAuthCode?: unknown }).getAuthCode === 'function'
    )
      return candidate as AuthCodeHost;
  } catch {
    // No `my` anywhere (a ReferenceError), a throwing global getter, or a getAuthCode getter that
    // throws: no host to call either way.
  }
}

export const describeMissingHost = (host: unknown): string =>
  explain(host === undefined ? 'no-host' : 'bad-host');

export interface HostCallInput {
  host: AuthCodeHost | HostSource | undefined;
  scopes: readonly Scope[];
  /** 0 waits forever. */
  timeoutMs: number;
}

/**
 * Calls `getAuthCode` once, when the host is free (see `superApp/hostTurns.ts`), and reports its first answer,
 * read at once into plain data with the code sealed, or `HOST.TIMEOUT`. The timer is the call's own,
 * not a delayed transition, so that it keeps running when the actor restarts; it counts the wait for
 * the host too. Once the flow leaves `consenting`, this work is disposed, a host that takes a signal
 * sees it abort, and late answers go nowhere.
 */
export const hostCall = fromResumable<HostCallInput, HostEvent>(
  ({ host: given, scopes, timeoutMs }, report, hooks) => {
    let settled = false;
    let called = false;
    let endTurn = () => {};
    // Only for a host that declares it takes one: the real `my` gets exactly the four options.
    let stopWaiting: AbortHandle | undefined;
    const release = () => {
      settled = true;
      clearTimeout(timer);
      endTurn();
      stopWaiting?.abort();
    };
    const settle = (event: HostEvent) => {
      if (settled) return;
      release();
      report(event);
    };
    const threw = (error: unknown) => settle({ type: 'HOST.ANSWER', answer: { via: 'throw', error } });
    const answer = (via: 'success' | 'fail' | 'complete') => (payload: unknown) =>
      settle({ type: 'HOST.ANSWER', answer: { via, payload: readPayload(payload) } });
    const timer = timeoutMs > 0 ? setTimeout(() => settle({ type: 'HOST.TIMEOUT' }), timeoutMs) : undefined;
    let host: AuthCodeHost | undefined;
    const call = () => {
      called = true;
      try {
        if (!host) throw new Error(describeMissingHost(given));
        const options = {
          // A copy: the host must not be able to change the flow's own list.
          scopes: [...scopes],
          success: answer('success'),
          fail: answer('fail'),
          complete: answer('complete'),
        };
        if (host.takesSignal === true)
          host.getAuthCode(options, { signal: (stopWaiting = createAbortHandle()).signal });
        else host.getAuthCode(options);
      } catch (error) {
        threw(error);
      }
    };
    const takeHostTurn = (resumed?: boolean) => {
      if (!host || settled) return;
      endTurn = takeTurn(host, called ? () => {} : call, resumed);
      // A host that answered inside getAuthCode settled before its turn could be ended.
      if (settled) endTurn();
    };
    // A stopped flow leaves the line at once (a REQUEST right after a CANCEL must not wait for it);
    // a restart (StrictMode, <Activity>) takes a turn again for the call it still waits on.
    hooks.pause = () => endTurn();
    hooks.resume = () => takeHostTurn(true);
    const begin = (found: AuthCodeHost | undefined) => {
      host = found;
      return host ? takeHostTurn() : call();
    };
    // A host source runs now, at the request, never before; its wait counts against the timeout.
    if (isHostSource(given))
      new Promise<AuthCodeHost | undefined>((resolve) => resolve(given())).then(
        (resolved) => settled || begin(findHost(resolved)),
        threw,
      );
    else begin(findHost(given));
    return release;
  },
);
