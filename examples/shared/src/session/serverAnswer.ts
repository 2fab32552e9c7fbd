/**
 * The merchant server's answer to a sign-in, read the same way by the three mini-program examples
 * (native, Taro, uni-app), whatever request API carried it. Imports nothing and makes no class: it
 * runs in a bare logic layer, and Taro's Babel build breaks subclasses of `Error`.
 */

/** What the server answers a sign-in with; the access token stays on the server. */
export interface Session {
  userId: string;
  scopes: string[];
}

/**
 * A refusal of the server (its `{ error: { code, message } }`), or no answer at all: the `cause` of
 * the flow's `exchange` error. The message is the server's fixed sentence, never the auth code.
 */
export interface SessionError extends Error {
  /** `code-used`, `code-expired`, `code-invalid`, `bad-request`, `forbidden-origin`, `wallet-unavailable`, …, or `server-unreachable`. */
  code: string;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  /** Whether a new code from the consent sheet may succeed (the spent one is never sent again). */
  retryable: boolean;
}

const retryableCodes = ['code-used', 'code-expired', 'wallet-unavailable', 'server-unreachable'];

// A plain Error with fields, not a subclass: mini-program builds transpile classes in ways that break `extends Error`.
export function sessionError(code: string, message: string, status: number): SessionError {
  const error = new Error(message) as SessionError;
  error.name = 'SessionError';
  error.code = code;
  error.status = status;
  error.retryable = retryableCodes.includes(code);
  return error;
}

/** The server's error code behind a flow error (the exchange's rejection is its `cause`), if any. */
export function sessionErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as Partial<SessionError> | undefined) : undefined;
  return cause && cause.name === 'SessionError' && typeof cause.code === 'string' ? cause.code : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The session in a 2xx answer, or the error in the server's envelope. */
export function readAnswer(status: number, data: unknown): Session {
  if (status >= 200 && status < 300) {
    if (isRecord(data) && typeof data.userId === 'string' && Array.isArray(data.scopes)) {
      return { userId: data.userId, scopes: data.scopes.map(String) };
    }
  } else {
    const error = isRecord(data) ? data.error : undefined;
    if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
      throw sessionError(error.code, error.message, status);
    }
  }
  throw sessionError(
    'unexpected-response',
    `The server answered HTTP ${status} without its API's answer.`,
    status,
  );
}
