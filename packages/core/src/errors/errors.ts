import { explain } from './messages.js';

export type AuthCodeErrorKind =
  | 'invalid-request'
  | 'unavailable'
  | 'declined'
  | 'host'
  | 'scope'
  | 'timeout'
  | 'invalid-response'
  | 'exchange'
  | 'exchange-timeout'
  | 'expired';

export interface AuthCodeErrorOptions {
  code?: string;
  scopes?: Record<string, string>;
  retryable?: boolean;
  cause?: unknown;
}

/** Every way a flow can fail; `kind` says which. Never carries an auth code. */
export class AuthCodeError extends Error {
  override readonly name = 'AuthCodeError';
  readonly kind: AuthCodeErrorKind;
  /** The host's code as a string: '3', '10', '11', '40006', ... */
  readonly code?: string;
  /** Per-scope codes, for kind 'scope'. */
  readonly scopes?: Record<string, string>;
  /** Whether the same request may succeed if asked again (what RETRY is for). */
  readonly retryable: boolean;

  constructor(kind: AuthCodeErrorKind, message: string, options: AuthCodeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    // Always own properties (`undefined` when not given), whether a compiler emits class fields or
    // strips them (Babel, in mini-program builds): one shape everywhere. JSON drops the undefined ones.
    this.code = options.code;
    this.scopes = options.scopes;
    // A bad request or a missing host stays so; anything else may succeed when asked again.
    this.retryable = options.retryable ?? (kind !== 'invalid-request' && kind !== 'unavailable');
  }

  /** Keeps the fields when the error is serialized (for example by the inspector). */
  toJSON(): {
    name: string;
    kind: AuthCodeErrorKind;
    message: string;
    code: string | undefined;
    scopes: Record<string, string> | undefined;
    retryable: boolean;
  } {
    // The own fields the constructor sets, and the message, which Error keeps unenumerable.
    // `Required`: an optional field is still an own property, `undefined` when not given.
    return { ...(this as Required<AuthCodeError>), message: this.message };
  }
}

export function isAuthCodeError(value: unknown): value is AuthCodeError {
  return value instanceof AuthCodeError;
}

/** A reason's message, for an error message; never throws, whatever the reason is (a throwing getter, a proxy). */
export function describeReason(reason: unknown): string {
  try {
    return reason instanceof Error ? reason.message : String(reason);
  } catch {
    return explain('unreadable-reason');
  }
}
