/**
 * The DANA SNAP wire format of the embedded wallet (the "apply token" of DANA's widget binding).
 *
 * What the official SDK dana-node 1.5.11 sends (read in its dist/widget/v1/apis/WidgetApi.js and
 * dist/runtime.js): `POST /v1.0/access-token/b2b2c.htm` with `Content-Type: application/json`,
 * `X-TIMESTAMP` (date-fns-tz `yyyy-MM-dd'T'HH:mm:ssXXX`: an offset or `Z`), `X-CLIENT-KEY` (the
 * partner id) and `X-SIGNATURE`: base64 RSA-SHA256 (PKCS#1 v1.5) of `<X-CLIENT-KEY>|<X-TIMESTAMP>`
 * with the merchant's PKCS#8 key; the body does not enter the signature. The body is
 * `{ grantType: 'AUTHORIZATION_CODE', authCode, refreshToken?, additionalInfo? }`. The SDK treats
 * any non-2xx answer as an error (`ResponseError` with the parsed JSON as `rawResponse`) and reads
 * a 2xx answer as `{ responseCode, responseMessage, tokenType?, accessToken, accessTokenExpiryTime?,
 * refreshToken?, refreshTokenExpiryTime?, additionalInfo?: { userInfo?: { publicUserId } } }`;
 * the expiry times follow `yyyy-MM-ddTHH:mm:ss+07:00`.
 *
 * Response codes, from DANA's own UAT suite (dana-id/uat-script resource/request/components/
 * Widget.json, "ApplyToken"): 2007400 "Successful"; 4017400 "Unauthorized. Auth Code Expired",
 * "Unauthorized. Auth Code Used", "Unauthorized. Invalid Auth Code"; 4007401 "Invalid Field
 * Format"; 4007402 "Invalid Mandatory Field X-TIMESTAMP"; a bad signature is 4017400 too (DANA's
 * sandbox puts a Java exception text there; this wallet answers "Unauthorized. Invalid
 * Signature", the text DANA uses for the same failure in Apply OTT: 4014900). SNAP sets the HTTP
 * status to the code's first three digits.
 */
import { verify, type KeyObject } from 'node:crypto';

export const danaSnapPaths = { applyToken: '/v1.0/access-token/b2b2c.htm' } as const;

export interface DanaSnapAnswer {
  status: number;
  body: { responseCode: string; responseMessage: string } & Record<string, unknown>;
}

export function danaSnapAnswer(responseCode: string, responseMessage: string, extra = {}): DanaSnapAnswer {
  return { status: Number(responseCode.slice(0, 3)), body: { responseCode, responseMessage, ...extra } };
}

export const danaSnapCodes = {
  success: '2007400',
  unauthorized: '4017400',
  invalidFieldFormat: '4007401',
  invalidMandatoryField: '4007402',
  internalServerError: '5007401',
} as const;

export const danaSnapMessages = {
  success: 'Successful',
  codeExpired: 'Unauthorized. Auth Code Expired',
  codeUsed: 'Unauthorized. Auth Code Used',
  codeInvalid: 'Unauthorized. Invalid Auth Code',
  invalidSignature: 'Unauthorized. Invalid Signature',
  unknownClient: 'Unauthorized. Unknown Client',
  internalServerError: 'Internal Server Error',
} as const;

/** ISO 8601 with an offset or `Z`, seconds precision or finer: what the SDK's date-fns-tz format yields. */
export const snapTimestampPattern =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function danaSnapVerify(
  clientKey: string,
  timestamp: string,
  base64Signature: string,
  publicKey: KeyObject,
): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64Signature)) return false;
  try {
    return verify(
      'sha256',
      Buffer.from(`${clientKey}|${timestamp}`, 'utf8'),
      publicKey,
      Buffer.from(base64Signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** `yyyy-MM-ddTHH:mm:ss+07:00` (Jakarta time), the format of DANA's expiry times. */
export function jakartaTime(ms: number): string {
  return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
