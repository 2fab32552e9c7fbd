import Taro from '@tarojs/taro';
import type { AuthCodeGrant, ExchangeContext } from '@authcode/core';
import { SERVER_URL } from './config';

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

// A plain Error with fields, not a subclass: Taro's Babel build transpiles classes in ways that break `extends Error`.
function sessionError(code: string, message: string, status: number): SessionError {
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
function readAnswer(status: number, data: unknown): Session {
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

/**
 * The flow's `exchange`: posts the one-time code to the merchant server with `Taro.request`, which on
 * Alipay calls `my.request` (Taro's `header` becomes Alipay's `headers`). That is no browser page's
 * request: it carries no `Origin`, so it sends the custom header `X-Authcode-Client`, which the server
 * requires of such clients (its login-CSRF rule). Resolves with the server's answer.
 */
export function exchangeCode(grant: AuthCodeGrant, { signal }: ExchangeContext): Promise<Session> {
  const task = Taro.request({
    url: `${SERVER_URL}/api/session`,
    method: 'POST',
    header: { 'content-type': 'application/json', 'x-authcode-client': 'miniprogram' },
    data: { authCode: grant.authCode },
    dataType: 'json',
  });
  // Leaving the page (or cancelling) stops the request.
  signal.addEventListener('abort', () => task.abort());
  return task.then(
    // WeChat-style hosts resolve any status; Alipay resolves 2xx only.
    (answer) => readAnswer(answer.statusCode, answer.data),
    (failure: { status?: number; statusCode?: number; data?: unknown; error?: number; errMsg?: string }) => {
      // Alipay rejects a status outside 2xx (error 19), with the response (under its own names) where
      // the host passes it on.
      const status = failure.status ?? failure.statusCode;
      if (typeof status === 'number') return readAnswer(status, failure.data);
      throw sessionError(
        failure.error === 19 ? 'unexpected-response' : 'server-unreachable',
        `The sign-in request failed (${failure.error ?? failure.errMsg ?? 'no answer'}).`,
        0,
      );
    },
  );
}
