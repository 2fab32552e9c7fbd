import Taro from '@tarojs/taro';
import type { AuthCodeGrant, ExchangeContext } from '@authcode/core';
import { readAnswer, sessionError, type Session } from '@authcode/example-shared/server-answer';
import { SERVER_URL } from './config';

export { sessionErrorCode } from '@authcode/example-shared/server-answer';
export type { Session, SessionError } from '@authcode/example-shared/server-answer';

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
