/**
 * The Alipay+ wire format of the embedded wallet: message signing and the result codes.
 *
 * Sources (public documentation and the official SDKs, read for this file):
 * - Signing, "Sign a request and validate the signature" (docs.alipayplus.com, e.g.
 *   alipayplus/api_acq/signature): Content_To_Be_Signed is
 *   `<HTTP-METHOD> <Request-URI>\n<Client-Id>.<Request-Time>.<Request-Body>`, signed with
 *   SHA256withRSA; the base64 signature is URL-encoded and sent as
 *   `Signature: algorithm=RSA256, keyVersion=1, signature=<...>`. Responses are signed the same
 *   way over `<HTTP-METHOD> <Request-URI>\n<Client-Id>.<Response-Time>.<Response-Body>`.
 *   The official SDK alipay/global-open-sdk-python (com/alipay/ams/api/tools/signature_tool.py,
 *   default_alipay_client.py) does exactly this: `method + " " + path + "\n" + client_id + "." +
 *   time + "." + body`, PKCS#1 v1.5 + SHA-256, base64, `quote_plus`; it sends
 *   `algorithm=RSA256,keyVersion=1,signature=...` (no spaces) and reads the response's
 *   `signature`, `response-time` and `client-id` headers. This wallet accepts both spellings.
 * - applyToken (mini program OpenAPI, e.g. miniprogram.alipay.com .../mpdev/v2_applytoken):
 *   `POST /v2/authorizations/applyToken`, body `grantType` (AUTHORIZATION_CODE | REFRESH_TOKEN),
 *   `authCode`, `customerBelongsTo`, ...; response `result`, `accessToken`,
 *   `accessTokenExpiryTime`, `refreshToken`, `refreshTokenExpiryTime`, `customerId`,
 *   `extendInfo` (docs.rebellapp.com/openapis/authorizations/applyToken shows the same fields).
 * - Result codes: the common ones (docs.alipayplus.com .../error_codes): UNKNOWN_EXCEPTION (U),
 *   PROCESS_FAIL, PARAM_ILLEGAL, METHOD_NOT_SUPPORTED, MEDIA_TYPE_NOT_ACCEPTABLE, INVALID_API,
 *   INVALID_CLIENT ("The client is invalid."), INVALID_SIGNATURE (all F). Code-specific:
 *   EXPIRED_CODE (applyToken result codes at docs.rebellapp.com; "The code is expired." and
 *   INVALID_CODE "The code is invalid." in the Antom codeConsult API); USED_CODE is named after
 *   USED_REFRESH_TOKEN of the same applyToken table: no public page we could read spells it out.
 *   Access tokens: INVALID_ACCESS_TOKEN, EXPIRED_ACCESS_TOKEN (cancelToken result codes).
 */
import { sign, verify, type KeyObject } from 'node:crypto';

export const alipayPlusPaths = {
  applyToken: '/v2/authorizations/applyToken',
  inquiryUserInfo: '/v2/customers/user/inquiryUserInfo',
} as const;

export type AlipayPlusResultStatus = 'S' | 'F' | 'U';
export interface AlipayPlusResult {
  resultCode: string;
  resultStatus: AlipayPlusResultStatus;
  resultMessage: string;
}

export const alipayPlusResults = {
  SUCCESS: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'Success.' },
  PARAM_ILLEGAL: {
    resultCode: 'PARAM_ILLEGAL',
    resultStatus: 'F',
    resultMessage: 'Illegal parameters. For example, non-numeric input, invalid date.',
  },
  METHOD_NOT_SUPPORTED: {
    resultCode: 'METHOD_NOT_SUPPORTED',
    resultStatus: 'F',
    resultMessage: 'The server does not implement the requested HTTPS method.',
  },
  MEDIA_TYPE_NOT_ACCEPTABLE: {
    resultCode: 'MEDIA_TYPE_NOT_ACCEPTABLE',
    resultStatus: 'F',
    resultMessage: 'The server does not implement the media type that is acceptable to the client.',
  },
  INVALID_API: {
    resultCode: 'INVALID_API',
    resultStatus: 'F',
    resultMessage: 'The called API is invalid or not active.',
  },
  INVALID_CLIENT: {
    resultCode: 'INVALID_CLIENT',
    resultStatus: 'F',
    resultMessage: 'The client is invalid.',
  },
  INVALID_SIGNATURE: {
    resultCode: 'INVALID_SIGNATURE',
    resultStatus: 'F',
    resultMessage: 'The signature is invalid.',
  },
  INVALID_CODE: {
    resultCode: 'INVALID_CODE',
    resultStatus: 'F',
    resultMessage: 'The authorization code is invalid.',
  },
  EXPIRED_CODE: {
    resultCode: 'EXPIRED_CODE',
    resultStatus: 'F',
    resultMessage: 'The authorization code is expired.',
  },
  USED_CODE: {
    resultCode: 'USED_CODE',
    resultStatus: 'F',
    resultMessage: 'The authorization code has been used.',
  },
  INVALID_ACCESS_TOKEN: {
    resultCode: 'INVALID_ACCESS_TOKEN',
    resultStatus: 'F',
    resultMessage: 'The access token is invalid.',
  },
  EXPIRED_ACCESS_TOKEN: {
    resultCode: 'EXPIRED_ACCESS_TOKEN',
    resultStatus: 'F',
    resultMessage: 'The access token is expired.',
  },
  UNKNOWN_EXCEPTION: {
    resultCode: 'UNKNOWN_EXCEPTION',
    resultStatus: 'U',
    resultMessage: 'An API call failed, which is caused by unknown reasons.',
  },
} as const satisfies Record<string, AlipayPlusResult>;

/** `<METHOD> <path>\n<Client-Id>.<time>.<body>`: the same layout for requests and responses. */
export function alipayPlusContent(
  method: string,
  path: string,
  clientId: string,
  time: string,
  body: string,
): string {
  return `${method} ${path}\n${clientId}.${time}.${body}`;
}

/** SHA256withRSA (PKCS#1 v1.5) of the UTF-8 content, base64. */
export function alipayPlusSign(content: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(content, 'utf8'), privateKey).toString('base64');
}

export function alipayPlusSignatureHeader(base64Signature: string, keyVersion = '1'): string {
  return `algorithm=RSA256, keyVersion=${keyVersion}, signature=${encodeURIComponent(base64Signature)}`;
}

/** Reads `algorithm=..., keyVersion=..., signature=...` (with or without spaces); the signature URL-decoded. */
export function parseAlipayPlusSignatureHeader(
  header: string | undefined,
): { algorithm: string; keyVersion: string | undefined; signature: string } | undefined {
  if (!header) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const algorithm = fields.get('algorithm');
  const encoded = fields.get('signature');
  if (!algorithm || !encoded) return undefined;
  let signature: string;
  try {
    signature = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  return { algorithm, keyVersion: fields.get('keyVersion'), signature };
}

export function alipayPlusVerify(content: string, base64Signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64Signature)) return false;
  try {
    return verify('sha256', Buffer.from(content, 'utf8'), publicKey, Buffer.from(base64Signature, 'base64'));
  } catch {
    return false;
  }
}
