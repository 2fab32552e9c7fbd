import type { AuthCodeGrant, ExchangeContext } from '@authcode/core';
import { readAnswer, sessionError, type Session } from '@authcode/example-shared/server-answer';
import { SERVER_URL } from '../../config';

export { sessionErrorCode } from '@authcode/example-shared/server-answer';
export type { Session, SessionError } from '@authcode/example-shared/server-answer';

/**
 * The flow's `exchange`: posts the one-time code to the merchant server with `my.request`. That is no
 * browser page's request: it carries no `Origin`, so it sends the custom header `X-Authcode-Client`,
 * which the server requires of such clients (its login-CSRF rule). Resolves with the server's answer.
 */
export function exchangeCode(grant: AuthCodeGrant, { signal }: ExchangeContext): Promise<Session> {
  return new Promise<Session>((resolve, reject) => {
    const answered = (status: number, data: unknown) => {
      try {
        resolve(readAnswer(status, data));
      } catch (error) {
        reject(error);
      }
    };
    const task = my.request({
      url: `${SERVER_URL}/api/session`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authcode-client': 'miniprogram' },
      data: { authCode: grant.authCode },
      dataType: 'json',
      success: (answer) => answered(answer.status, answer.data),
      // Alipay fails any status outside 2xx (error 19), with the response where the host passes it on.
      fail: (failure) => {
        if (typeof failure.status === 'number') return answered(failure.status, failure.data);
        const code = failure.error === 19 ? 'unexpected-response' : 'server-unreachable';
        reject(sessionError(code, `The sign-in request failed (error ${failure.error}).`, 0));
      },
    });
    // Leaving the page (or cancelling) stops the request.
    signal.addEventListener('abort', () => task.abort());
  });
}
