import type { AuthCodeHost, GetAuthCodeOptions, Scope } from '../types.js';

/** How the simulated host answers one call. */
export type SimulatedAnswer =
  /** Issues a code; scopes in `denied` are reported in `authErrorScopes` (a partial grant). */
  | { kind: 'grant'; denied?: Record<string, string> }
  /** Calls `fail` with `{ error, errorMessage }`, like a user cancel (11) or a host error. */
  | { kind: 'fail'; error: number; errorMessage?: string }
  /** Calls `fail` with per-scope codes and no auth code. */
  | { kind: 'deny'; scopes: Record<string, string> }
  /** Never answers, like a host whose sheet hangs. */
  | { kind: 'silence' };

/** Ready-made answers, named after what the user or host did. */
export const simulatedAnswers = {
  grant: (denied?: Record<string, string>): SimulatedAnswer =>
    denied ? { kind: 'grant', denied } : { kind: 'grant' },
  decline: (): SimulatedAnswer => ({
    kind: 'fail',
    error: 11,
    errorMessage: 'Unauthorized to Get User Info',
  }),
  fail: (error: number, errorMessage?: string): SimulatedAnswer =>
    errorMessage === undefined ? { kind: 'fail', error } : { kind: 'fail', error, errorMessage },
  deny: (scopes: Record<string, string>): SimulatedAnswer => ({ kind: 'deny', scopes }),
  silence: (): SimulatedAnswer => ({ kind: 'silence' }),
};

export interface SimulatedRequest {
  scopes: Scope[];
}

export interface SimulatedHostOptions {
  /** A fixed answer, or a function that decides per call (it may wait for a UI, as a consent sheet does). Default: grant all. */
  answer?: SimulatedAnswer | ((request: SimulatedRequest) => SimulatedAnswer | Promise<SimulatedAnswer>);
  /** Delay before answering, in ms. Default 0. */
  delayMs?: number;
  /** Makes each auth code. Default: 26 random characters, in the style of Alipay+ codes. */
  createCode?: () => string;
}

export interface SimulatedHost extends AuthCodeHost {
  /** The scopes of every call so far, oldest first. */
  readonly calls: readonly SimulatedRequest[];
}

const codeAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomCode(): string {
  // A logic layer may have no Web Crypto; a simulated code needs no strong randomness.
  const bytes = new Uint8Array(26);
  if (typeof crypto !== 'undefined') return encode(crypto.getRandomValues(bytes));
  return encode(bytes.map(() => Math.random() * 256));
}

function encode(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => codeAlphabet[byte % codeAlphabet.length]).join('');
}

function answerCall(options: GetAuthCodeOptions, answer: SimulatedAnswer, createCode: () => string): void {
  // 'silence' has no case: the call is never answered.
  switch (answer.kind) {
    case 'grant': {
      const denied = answer.denied ?? {};
      const result = {
        authCode: createCode(),
        authSuccessScopes: options.scopes.filter((scope) => !(scope in denied)),
        authErrorScopes: { ...denied },
      };
      options.success?.(result);
      options.complete?.(result);
      return;
    }
    case 'fail': {
      const result =
        answer.errorMessage === undefined
          ? { error: answer.error }
          : { error: answer.error, errorMessage: answer.errorMessage };
      options.fail?.(result);
      options.complete?.(result);
      return;
    }
    case 'deny': {
      const result = { authErrorScopes: { ...answer.scopes } };
      options.fail?.(result);
      options.complete?.(result);
    }
  }
}

/**
 * A host for building and testing outside a super app. It answers like the Alipay+ family:
 * `success` or `fail`, then `complete`, with the same payload shapes.
 */
export function createSimulatedHost(options: SimulatedHostOptions = {}): SimulatedHost {
  const { answer = simulatedAnswers.grant(), delayMs = 0, createCode = randomCode } = options;
  const calls: SimulatedRequest[] = [];
  return {
    calls,
    getAuthCode(callOptions) {
      const request = { scopes: [...callOptions.scopes] };
      calls.push(request);
      setTimeout(() => {
        void Promise.resolve(typeof answer === 'function' ? answer(request) : answer).then((decided) =>
          answerCall(callOptions, decided, createCode),
        );
      }, delayMs);
    },
  };
}
