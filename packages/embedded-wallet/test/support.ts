/**
 * A merchant written from the published wire formats with node:crypto only (not with the
 * wallet's own helpers), so the tests check the wallet against the formats, not against itself.
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface TestKeys {
  merchantPrivateKey: KeyObject;
  merchantPublicKeyPem: string;
  walletPrivateKeyPem: string;
  walletPublicKey: KeyObject;
}

/** TEST-ONLY keys, generated once per test file. */
export function makeTestKeys(): TestKeys {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wallet = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKeyPem: merchant.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    walletPrivateKeyPem: wallet.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    walletPublicKey: wallet.publicKey,
  };
}

export interface AlipayCall {
  status: number;
  headers: Headers;
  text: string;
  json: { result: { resultCode: string; resultStatus: string; resultMessage: string } } & Record<
    string,
    unknown
  >;
}

export async function alipayPost(
  baseUrl: string,
  path: string,
  body: unknown,
  options: {
    clientId: string;
    privateKey: KeyObject;
    tamperBody?: (signed: string) => string;
    signatureHeader?: (base64: string) => string;
    signal?: AbortSignal;
  },
): Promise<AlipayCall> {
  const raw = JSON.stringify(body);
  const requestTime = new Date().toISOString();
  const signature = sign(
    'sha256',
    Buffer.from(`POST ${path}\n${options.clientId}.${requestTime}.${raw}`),
    options.privateKey,
  ).toString('base64');
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Client-Id': options.clientId,
      'Request-Time': requestTime,
      Signature: options.signatureHeader
        ? options.signatureHeader(signature)
        : `algorithm=RSA256, keyVersion=1, signature=${encodeURIComponent(signature)}`,
    },
    body: options.tamperBody ? options.tamperBody(raw) : raw,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

/** Checks an Alipay+ response signature the way the official Python SDK does. */
export function alipayResponseVerifies(call: AlipayCall, path: string, walletPublicKey: KeyObject): boolean {
  const header = call.headers.get('signature') ?? '';
  const encoded = header.split('signature=')[1];
  const responseTime = call.headers.get('response-time');
  const clientId = call.headers.get('client-id');
  if (!encoded || !responseTime || !clientId) return false;
  return verify(
    'sha256',
    Buffer.from(`POST ${path}\n${clientId}.${responseTime}.${call.text}`),
    walletPublicKey,
    Buffer.from(decodeURIComponent(encoded), 'base64'),
  );
}

export async function danaPost(
  baseUrl: string,
  body: unknown,
  options: { clientKey: string; privateKey: KeyObject; timestamp?: string; omit?: string },
): Promise<{
  status: number;
  json: Record<string, unknown> & { responseCode: string; responseMessage: string };
}> {
  const timestamp = options.timestamp ?? new Date().toISOString().slice(0, 19) + '+00:00';
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TIMESTAMP': timestamp,
    'X-CLIENT-KEY': options.clientKey,
    'X-SIGNATURE': sign(
      'sha256',
      Buffer.from(`${options.clientKey}|${timestamp}`),
      options.privateKey,
    ).toString('base64'),
  };
  if (options.omit) delete headers[options.omit];
  const response = await fetch(`${baseUrl}/v1.0/access-token/b2b2c.htm`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

export function publicKeyOf(pem: string): KeyObject {
  return createPublicKey(pem);
}
