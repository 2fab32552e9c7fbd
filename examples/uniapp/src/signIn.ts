import type { AuthCodeGrant, ExchangeContext } from '@authcode/core';
import { readAnswer, sessionError, type Session } from '@authcode/example-shared/server-answer';
import { SERVER_URL } from './config';

export { sessionErrorCode } from '@authcode/example-shared/server-answer';
export type { Session, SessionError } from '@authcode/example-shared/server-answer';

/**
 * The flow's `exchange`: posts the one-time code to the merchant server with `uni.request`, which on
 * mp-alipay calls `my.request` (uni's `header` becomes Alipay's `headers`; `status` comes back as
 * `statusCode`). That is no browser page's request: it carries no `Origin`, so it sends the custom
 * header `X-Authcode-Client`, which the server requires of such clients (its login-CSRF rule).
 * Resolves with the server's answer.
 */
export function exchangeCode(grant: AuthCodeGrant, { signal }: ExchangeContext): Promise<Session> {
  return new Promise<Session>((resolve, reject) => {
    const answered = ({ statusCode, data, errMsg }: UniRequestAnswer) => {
      if (typeof statusCode !== 'number') {
        // An HTTP status error whose response the host did not pass on, or no answer at all.
        const code = errMsg.includes('http status error') ? 'unexpected-response' : 'server-unreachable';
        reject(sessionError(code, `The sign-in request failed (${errMsg}).`, 0));
        return;
      }
      try {
        resolve(readAnswer(statusCode, data));
      } catch (error) {
        reject(error);
      }
    };
    const task = uni.request({
      url: `${SERVER_URL}/api/session`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'x-authcode-client': 'miniprogram' },
      data: { authCode: grant.authCode },
      dataType: 'json',
      // WeChat-style hosts call `success` for any status; Alipay fails one outside 2xx, with the response.
      success: answered,
      fail: answered,
    });
    // Leaving the page (or cancelling) stops the request.
    signal.addEventListener('abort', () => task.abort());
  });
}
