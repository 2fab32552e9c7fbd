/**
 * The DANA wallet client, through DANA's official SDK dana-node 1.5.11:
 * `WidgetApi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode })`, i.e. SNAP
 * `POST /v1.0/access-token/b2b2c.htm` signed with `X-SIGNATURE` = RSA-SHA256 of
 * `<X-CLIENT-KEY>|<X-TIMESTAMP>` (PKCS#8 merchant key).
 *
 * Pointing the SDK elsewhere (dana-node/dist/runtime.js, widget/v1/apis/WidgetApi.js): the
 * WidgetApi constructor takes only `env`, and `getBasePathByEnv` throws for anything but
 * `production` (https://api.saas.dana.id) and `sandbox` (https://api.sandbox.dana.id). The base
 * URL lives in the `Configuration` held by BaseAPI's `protected configuration`, read on every
 * request (`this.configuration.basePath + context.path`, `this.configuration.fetchApi || fetch`),
 * so a subclass that replaces `configuration` after `super()` points every call at `url`.
 *
 * Timeouts: applyToken's second parameter (`initOverrides: RequestInit`) is merged into the
 * fetch init, so an AbortSignal reaches fetch; the SDK wraps a fetch failure in `FetchError`.
 *
 * Errors: a non-2xx answer throws `ResponseError` whose `errorCode` is undefined for SNAP (it reads
 * `error`/`error_code`/`errorCode`), so the mapping reads `rawResponse.responseCode` and
 * `responseMessage`: DANA's UAT suite (dana-id/uat-script, Widget.json) lists 4017400 with
 * "Unauthorized. Auth Code Used" / "Auth Code Expired" / "Invalid Auth Code". Other 401 answers
 * (bad signature, unknown client) are the merchant's configuration: `wallet-unavailable`.
 *
 * DANA signs no response on this API, so there is no answer signature to check (TLS is the
 * guard on the real service).
 */
import { createPrivateKey } from 'node:crypto';
import { Configuration, ResponseError, ValidationError } from 'dana-node/runtime';
import { WidgetApi, type ApplyTokenResponse } from 'dana-node/widget/v1';
import { checkTimeout, parseObject, requestSignals, transportError } from './transport.ts';
import { WalletError, type WalletClient, type WalletErrorCode, type WalletToken } from './types.ts';

export interface DanaSnapClientOptions {
  /** Base URL: https://api.saas.dana.id, https://api.sandbox.dana.id, or the embedded wallet. */
  url: string;
  /** DANA's partner id (`X-PARTNER-ID` / `X-CLIENT-KEY`), a.k.a. client id. */
  partnerId: string;
  /** The merchant's private key, PEM; PKCS#1 is converted to the PKCS#8 the SDK expects. */
  privateKey: string;
  /** Default 5000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The SDK's `ORIGIN` (unused by apply token). */
  origin?: string;
}

/** The SDK's WidgetApi with its base URL (and fetch) replaced: see the file comment. */
export class PointedWidgetApi extends WidgetApi {
  constructor(
    settings: { partnerId: string; privateKey: string; origin?: string },
    basePath: string,
    fetchApi: typeof fetch,
  ) {
    super({ ...settings, env: 'sandbox' });
    this.configuration = new Configuration({ basePath, fetchApi });
  }
}

export const danaSuccessCode = '2007400';

export function createDanaSnapClient(options: DanaSnapClientOptions): WalletClient {
  const basePath = options.url.replace(/\/+$/, '');
  const privateKey = toPkcs8(options.privateKey);
  const timeoutMs = checkTimeout(options.timeoutMs ?? 5000);
  const fetchImpl = options.fetch ?? globalThis.fetch;

  return {
    async applyToken(authCode, { signal }): Promise<WalletToken> {
      if (typeof authCode !== 'string' || authCode.length === 0) {
        throw new WalletError('code-invalid', 'the auth code is empty');
      }
      // One API object per call, so this call's raw answer (for the embedded wallet's scopes,
      // which the SDK's model drops) is not mixed up with a concurrent one.
      let rawAnswer: Record<string, unknown> | undefined;
      let answeredStatus: number | undefined;
      const api = new PointedWidgetApi(
        { partnerId: options.partnerId, privateKey, ...(options.origin ? { origin: options.origin } : {}) },
        basePath,
        async (url, init) => {
          const response = await fetchImpl(url, init);
          answeredStatus = response.status;
          if (response.ok) rawAnswer = parseObject(await response.clone().text());
          return response;
        },
      );
      const { timeout, combined } = requestSignals(signal, timeoutMs);
      let answer: ApplyTokenResponse;
      try {
        answer = await api.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode }, { signal: combined });
      } catch (error) {
        if (signal.aborted || timeout.aborted) throw transportError(error, signal, timeout, timeoutMs);
        if (error instanceof ResponseError) {
          const raw = error.rawResponse as { responseCode?: unknown; responseMessage?: unknown } | undefined;
          throw refusal(raw?.responseCode, raw?.responseMessage, String(error.status));
        }
        if (error instanceof ValidationError) {
          throw new WalletError('code-invalid', 'the auth code does not fit the SDK request model');
        }
        if (answeredStatus !== undefined) {
          // An answer the SDK could not read: not JSON (e.g. an empty 503 makes it throw a TypeError).
          throw new WalletError(
            'wallet-unavailable',
            `the wallet's HTTP ${answeredStatus} answer could not be read`,
            {
              cause: error,
            },
          );
        }
        throw transportError(error, signal, timeout, timeoutMs);
      }

      if (answer?.responseCode !== danaSuccessCode) {
        throw refusal(answer?.responseCode, answer?.responseMessage, '200');
      }
      const userId = answer.additionalInfo?.userInfo?.publicUserId;
      if (typeof answer.accessToken !== 'string' || !answer.accessToken || !userId) {
        throw new WalletError(
          'wallet-unavailable',
          'the wallet reported success without a token or a user id',
        );
      }
      const expiresAt = answer.accessTokenExpiryTime ? Date.parse(answer.accessTokenExpiryTime) : Number.NaN;
      return {
        accessToken: answer.accessToken,
        userId,
        scopes: grantedScopes(rawAnswer),
        ...(Number.isFinite(expiresAt) ? { expiresAt } : {}),
      };
    },
  };
}

/** Maps a SNAP `responseCode` and `responseMessage`; the message is matched, never repeated. */
function refusal(responseCode: unknown, responseMessage: unknown, status: string): WalletError {
  const code = typeof responseCode === 'string' && /^\d{7}$/.test(responseCode) ? responseCode : undefined;
  const message = typeof responseMessage === 'string' ? responseMessage : '';
  let kind: WalletErrorCode = 'wallet-unavailable';
  if (code?.startsWith('401')) {
    if (/auth ?code used/i.test(message)) kind = 'code-used';
    else if (/auth ?code expired/i.test(message)) kind = 'code-expired';
    else if (/invalid auth ?code/i.test(message)) kind = 'code-invalid';
  } else if (code?.startsWith('400') && /authCode/i.test(message)) {
    kind = 'code-invalid';
  }
  const named = code ?? `HTTP ${status}`;
  return new WalletError(
    kind,
    kind === 'wallet-unavailable'
      ? `the wallet could not trade the code (${named})`
      : `the wallet refused the code (${named})`,
  );
}

/** The embedded wallet's extension `additionalInfo.authSuccessScopes`; DANA itself sends none. */
function grantedScopes(raw: Record<string, unknown> | undefined): string[] {
  const scopes = (raw?.['additionalInfo'] as { authSuccessScopes?: unknown } | undefined)?.authSuccessScopes;
  return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
}

/** dana-node takes a PKCS#8 PEM (or its bare base64 body); convert PKCS#1 and literal `\n`. */
function toPkcs8(pem: string): string {
  const normalized = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
  if (!normalized.includes('-----BEGIN')) return normalized;
  return createPrivateKey(normalized).export({ type: 'pkcs8', format: 'pem' }) as string;
}
