/**
 * The Alipay+ wallet client: `POST /v2/authorizations/applyToken` over fetch, signed with the
 * merchant's key, the answer's signature checked with the wallet's key.
 *
 * Result codes (Alipay+ public docs; see packages/embedded-wallet/src/alipayPlus.ts for sources):
 * `SUCCESS` (S); `USED_CODE`, `EXPIRED_CODE`, `INVALID_CODE` map to the code errors; any other
 * result code naming a CODE is read the same way (used / expired / otherwise invalid), since hosts
 * of the Alipay+ family do not all spell them alike. Everything else (`INVALID_SIGNATURE`,
 * `INVALID_CLIENT`, `PARAM_ILLEGAL`, `ACCESS_DENIED`, `UNKNOWN_EXCEPTION`, ...) is the merchant's
 * configuration or the wallet's trouble: `wallet-unavailable`.
 */
import { signRequest, toPrivateKey, toPublicKey, verifyResponse, type KeyInput } from './alipayPlusSigner.ts';
import { checkTimeout, parseObject, requestSignals, transportError } from './transport.ts';
import { WalletError, type WalletClient, type WalletErrorCode, type WalletToken } from './types.ts';

export interface AlipayPlusClientOptions {
  /** The wallet's OpenAPI base URL (a path prefix is kept). */
  url: string;
  /** The merchant's `Client-Id`. */
  clientId: string;
  /** The merchant's private key, PEM (PKCS#8 or PKCS#1). */
  privateKey: KeyInput;
  /** The wallet's public key, PEM: checks the answers' signatures. */
  walletPublicKey: KeyInput;
  /** Default 5000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Sent as `customerBelongsTo` when set (e.g. `DANA`, `GCASH`, `TNG`). */
  customerBelongsTo?: string;
  /** Default `1`. */
  keyVersion?: string;
}

export const applyTokenPath = '/v2/authorizations/applyToken';

const codeErrors: Record<string, WalletErrorCode> = {
  USED_CODE: 'code-used',
  EXPIRED_CODE: 'code-expired',
  INVALID_CODE: 'code-invalid',
};

export function createAlipayPlusClient(options: AlipayPlusClientOptions): WalletClient {
  const endpoint = `${options.url.replace(/\/+$/, '')}${applyTokenPath}`;
  const path = new URL(endpoint).pathname;
  const privateKey = toPrivateKey(options.privateKey);
  const walletPublicKey = toPublicKey(options.walletPublicKey);
  const timeoutMs = checkTimeout(options.timeoutMs ?? 5000);
  const fetchImpl = options.fetch ?? globalThis.fetch;

  return {
    async applyToken(authCode, { signal }): Promise<WalletToken> {
      if (typeof authCode !== 'string' || authCode.length === 0 || authCode.length > 128) {
        throw new WalletError('code-invalid', 'the auth code is empty or longer than 128 characters');
      }
      const body = JSON.stringify({
        grantType: 'AUTHORIZATION_CODE',
        authCode,
        ...(options.customerBelongsTo ? { customerBelongsTo: options.customerBelongsTo } : {}),
      });
      const headers = {
        'Content-Type': 'application/json; charset=UTF-8',
        ...signRequest({
          path,
          clientId: options.clientId,
          requestTime: new Date().toISOString(),
          body,
          privateKey,
          ...(options.keyVersion ? { keyVersion: options.keyVersion } : {}),
        }),
      };

      const { timeout, combined } = requestSignals(signal, timeoutMs);
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers,
          body,
          signal: combined,
        });
        text = await response.text();
      } catch (error) {
        throw transportError(error, signal, timeout, timeoutMs);
      }

      if (!response.ok) {
        throw new WalletError('wallet-unavailable', `the wallet answered HTTP ${response.status}`);
      }
      const signed = verifyResponse({
        path,
        clientId: options.clientId,
        responseTime: response.headers.get('response-time') ?? '',
        body: text,
        signatureHeader: response.headers.get('signature'),
        publicKey: walletPublicKey,
      });
      if (!signed || response.headers.get('client-id') !== options.clientId) {
        throw new WalletError(
          'wallet-unavailable',
          "the wallet's answer does not carry a valid wallet signature",
        );
      }

      const answer = parseObject(text);
      const result = answer?.['result'] as { resultCode?: unknown; resultStatus?: unknown } | undefined;
      if (!answer || !result || typeof result.resultCode !== 'string') {
        throw new WalletError(
          'wallet-unavailable',
          'the wallet answered something other than an Alipay+ result',
        );
      }
      if (result.resultStatus === 'S' && result.resultCode === 'SUCCESS') {
        const accessToken = answer['accessToken'];
        const userId = answer['customerId'];
        if (typeof accessToken !== 'string' || !accessToken || typeof userId !== 'string' || !userId) {
          throw new WalletError(
            'wallet-unavailable',
            'the wallet reported success without a token or a customerId',
          );
        }
        const expiresAt = Date.parse(String(answer['accessTokenExpiryTime']));
        return {
          accessToken,
          userId,
          scopes: grantedScopes(answer['extendInfo']),
          ...(Number.isFinite(expiresAt) ? { expiresAt } : {}),
        };
      }
      const code = classify(result.resultCode, result.resultStatus);
      const named = safeName(result.resultCode, authCode);
      throw new WalletError(
        code,
        code === 'wallet-unavailable'
          ? `the wallet could not trade the code (${named})`
          : `the wallet refused the code (${named})`,
      );
    },
  };
}

function classify(resultCode: string, resultStatus: unknown): WalletErrorCode {
  if (resultStatus === 'U') return 'wallet-unavailable';
  const exact = codeErrors[resultCode];
  if (exact) return exact;
  if (/(^|_)CODE($|_)/.test(resultCode) && !/REFRESH|TOKEN/.test(resultCode)) {
    if (/USED/.test(resultCode)) return 'code-used';
    if (/EXPIRED/.test(resultCode)) return 'code-expired';
    return 'code-invalid';
  }
  return 'wallet-unavailable';
}

/** A result code as it may appear in a message: an upper-case constant that is not the code itself. */
function safeName(resultCode: string, authCode: string): string {
  return /^[A-Z0-9_]{1,64}$/.test(resultCode) && !resultCode.includes(authCode)
    ? resultCode
    : 'unnamed result';
}

/** The embedded wallet puts the granted scopes in `extendInfo`; real wallets may not. */
function grantedScopes(extendInfo: unknown): string[] {
  const info = typeof extendInfo === 'string' ? parseObject(extendInfo) : extendInfo;
  const scopes = (info as { authSuccessScopes?: unknown } | undefined)?.authSuccessScopes;
  return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
}
