/**
 * Alipay+ message signatures with node:crypto.
 *
 * The rules, from "Sign a request and validate the signature" (docs.alipayplus.com, e.g.
 * alipayplus/api_acq/signature) and the official SDK alipay/global-open-sdk-python
 * (com/alipay/ams/api/tools/signature_tool.py):
 *
 * - Content to sign, requests: `<HTTP-METHOD> <Request-URI>\n<Client-Id>.<Request-Time>.<Request-Body>`;
 *   responses: the same with `Response-Time` and the response body (the method and URI of the
 *   request, the Client-Id of the response header).
 * - SHA256withRSA (RSASSA-PKCS1-v1_5 with SHA-256), base64, then URL-encoded.
 * - Header: `Signature: algorithm=RSA256, keyVersion=1, signature=<URL-encoded base64>` (the
 *   Python SDK writes it without the spaces; both parse here).
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type KeyInput = string | KeyObject;

/** `<METHOD> <path>\n<clientId>.<time>.<body>`. */
export function contentToSign(
  method: string,
  path: string,
  clientId: string,
  time: string,
  body: string,
): string {
  return `${method} ${path}\n${clientId}.${time}.${body}`;
}

/** Base64 SHA256withRSA signature of the UTF-8 content. */
export function signContent(content: string, privateKey: KeyInput): string {
  return sign('sha256', Buffer.from(content, 'utf8'), toPrivateKey(privateKey)).toString('base64');
}

export function verifyContent(content: string, base64Signature: string, publicKey: KeyInput): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64Signature)) return false;
  try {
    return verify(
      'sha256',
      Buffer.from(content, 'utf8'),
      toPublicKey(publicKey),
      Buffer.from(base64Signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export function formatSignatureHeader(base64Signature: string, keyVersion = '1'): string {
  return `algorithm=RSA256, keyVersion=${keyVersion}, signature=${encodeURIComponent(base64Signature)}`;
}

/** The fields of a `Signature` header; `signature` URL-decoded back to base64. */
export function parseSignatureHeader(
  header: string | null | undefined,
): { algorithm: string; keyVersion: string | undefined; signature: string } | undefined {
  if (!header) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const algorithm = fields.get('algorithm');
  const encoded = fields.get('signature');
  if (!algorithm || !encoded) return undefined;
  try {
    return { algorithm, keyVersion: fields.get('keyVersion'), signature: decodeURIComponent(encoded) };
  } catch {
    return undefined;
  }
}

/** The three headers of a signed request. */
export function signRequest(request: {
  method?: string;
  path: string;
  clientId: string;
  requestTime: string;
  body: string;
  privateKey: KeyInput;
  keyVersion?: string;
}): { 'Client-Id': string; 'Request-Time': string; Signature: string } {
  const content = contentToSign(
    request.method ?? 'POST',
    request.path,
    request.clientId,
    request.requestTime,
    request.body,
  );
  return {
    'Client-Id': request.clientId,
    'Request-Time': request.requestTime,
    Signature: formatSignatureHeader(signContent(content, request.privateKey), request.keyVersion),
  };
}

/** Checks a response's `Signature` against `Response-Time`, `Client-Id` and the exact body bytes as text. */
export function verifyResponse(response: {
  method?: string;
  path: string;
  clientId: string;
  responseTime: string;
  body: string;
  signatureHeader: string | null | undefined;
  publicKey: KeyInput;
}): boolean {
  const parsed = parseSignatureHeader(response.signatureHeader);
  if (!parsed || parsed.algorithm !== 'RSA256') return false;
  return verifyContent(
    contentToSign(
      response.method ?? 'POST',
      response.path,
      response.clientId,
      response.responseTime,
      response.body,
    ),
    parsed.signature,
    response.publicKey,
  );
}

export function toPrivateKey(key: KeyInput): KeyObject {
  return typeof key === 'string' ? createPrivateKey(normalizePem(key)) : key;
}

export function toPublicKey(key: KeyInput): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(normalizePem(key));
}

/** Environment variables often carry PEM with literal `\n`; turn those into line breaks. */
function normalizePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}
