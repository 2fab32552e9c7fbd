import type { AuthCodeHost, GetAuthCodeOptions, GetAuthCodeSuccessResult } from '../types.js';

/** A callback of `getAuthCode` and what the host passes to it. */
export interface ScriptedReply {
  via: 'success' | 'fail' | 'complete';
  payload?: unknown;
}

/** How a scripted host behaves inside each `getAuthCode` call. */
export type HostScript =
  /** Replies before `getAuthCode` returns (default: a full grant through `success`, then `complete`). */
  | { answer: 'now'; reply?: ScriptedReply }
  /** Keeps the call; the test answers it when it wants, with `grant`, `success`, `fail` or `complete`. */
  | { answer: 'later' }
  /** Replies twice before returning, as a faulty host does: only the first reply may count. */
  | { answer: 'twice'; first: ScriptedReply; second: ScriptedReply }
  /** Never answers by itself: a consent sheet left open. */
  | { answer: 'never' }
  /** Throws from `getAuthCode`, as some hosts do in a web-view. */
  | { answer: 'throw'; error: unknown };

export interface ScriptedHostOptions {
  /** The code `grant` (and a default `now` reply) issues. A placeholder, never a real credential. */
  authCode?: string;
  /** False keeps no calls (nothing to answer later): for long runs such as benchmarks. Default true. */
  record?: boolean;
}

/** A host for tests: it follows its script and keeps every call, so a test can answer any of them. */
export interface ScriptedHost extends AuthCodeHost {
  /** Every call's options (scopes and callbacks), oldest first. */
  readonly calls: readonly GetAuthCodeOptions[];
  /** Grants every scope of a call (default: the latest): `success`, then `complete`. */
  grant(call?: number | GetAuthCodeOptions, authCode?: string): void;
  /** Grants every call so far. */
  grantAll(authCode?: string): void;
  /** Calls one callback of a call (default: the latest) with any payload, well-formed or not. */
  success(payload: unknown, call?: number | GetAuthCodeOptions): void;
  fail(payload: unknown, call?: number | GetAuthCodeOptions): void;
  complete(payload?: unknown, call?: number | GetAuthCodeOptions): void;
}

const grantOf = (options: GetAuthCodeOptions, authCode: string): GetAuthCodeSuccessResult => ({
  authCode,
  authSuccessScopes: [...options.scopes],
  authErrorScopes: {},
});

function reply(options: GetAuthCodeOptions, { via, payload }: ScriptedReply): void {
  options[via]?.(payload as never);
}

/**
 * A host that answers now, later, twice, never, or throws, as its script says (default: later).
 * Unlike `createSimulatedHost`, it uses no timers: what it does is decided by the test, step by step.
 */
export function createScriptedHost(
  script: HostScript = { answer: 'later' },
  { authCode: defaultCode = 'SCRIPTED-CODE-0001', record = true }: ScriptedHostOptions = {},
): ScriptedHost {
  const calls: GetAuthCodeOptions[] = [];
  const find = (call: number | GetAuthCodeOptions = calls.length - 1) => {
    const options = typeof call === 'number' ? calls[call] : call;
    if (!options) throw new Error(`the scripted host has no call ${String(call)}`);
    return options;
  };
  const grant = (call?: number | GetAuthCodeOptions, authCode = defaultCode) => {
    const options = find(call);
    const result = grantOf(options, authCode);
    reply(options, { via: 'success', payload: result });
    reply(options, { via: 'complete', payload: result });
  };
  return {
    calls,
    getAuthCode(options) {
      if (record) calls.push(options);
      switch (script.answer) {
        case 'now':
          if (script.reply) reply(options, script.reply);
          else grant(options);
          return;
        case 'twice':
          reply(options, script.first);
          reply(options, script.second);
          return;
        case 'throw':
          throw script.error;
      }
    },
    grant,
    grantAll: (authCode) => [...calls].forEach((options) => grant(options, authCode)),
    success: (payload, call) => reply(find(call), { via: 'success', payload }),
    fail: (payload, call) => reply(find(call), { via: 'fail', payload }),
    complete: (payload, call) => reply(find(call), { via: 'complete', payload }),
  };
}
