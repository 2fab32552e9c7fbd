import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { alipayPlusContent, alipayPlusSign } from '@authcode/embedded-wallet';
import { describe, expect, it } from 'vitest';
import {
  contentToSign,
  formatSignatureHeader,
  parseSignatureHeader,
  signContent,
  signRequest,
  verifyContent,
  verifyResponse,
} from '../../src/wallet/alipayPlusSigner.ts';
import {
  TEST_ONLY_KAT_BODY,
  TEST_ONLY_KAT_SIGNATURE,
  TEST_ONLY_PRIVATE_KEY,
  TEST_ONLY_PUBLIC_KEY,
} from './testOnlyKeys.ts';

// The example of "Sign a request and validate the signature" (Alipay+ docs).
const example = {
  path: '/aps/api/v1/payments/pay',
  clientId: 'TEST_5X00000000000000',
  requestTime: '2019-05-28T12:12:12+08:00',
};

describe('the content to sign', () => {
  it('is `<METHOD> <URI>\\n<Client-Id>.<Request-Time>.<Body>`, as in the docs', () => {
    expect(
      contentToSign('POST', example.path, example.clientId, example.requestTime, TEST_ONLY_KAT_BODY),
    ).toBe(
      `POST /aps/api/v1/payments/pay\nTEST_5X00000000000000.2019-05-28T12:12:12+08:00.${TEST_ONLY_KAT_BODY}`,
    );
  });
});

describe('signing (known answer)', () => {
  const content = contentToSign(
    'POST',
    example.path,
    example.clientId,
    example.requestTime,
    TEST_ONLY_KAT_BODY,
  );

  it('gives the signature OpenSSL gives for the same key and content', () => {
    expect(signContent(content, TEST_ONLY_PRIVATE_KEY)).toBe(TEST_ONLY_KAT_SIGNATURE);
  });

  it('is SHA256withRSA: crypto.verify accepts it, and refuses it for other content', () => {
    const signature = Buffer.from(signContent(content, TEST_ONLY_PRIVATE_KEY), 'base64');
    const publicKey = createPublicKey(TEST_ONLY_PUBLIC_KEY);
    expect(verify('RSA-SHA256', Buffer.from(content), publicKey, signature)).toBe(true);
    expect(verify('RSA-SHA256', Buffer.from(`${content} `), publicKey, signature)).toBe(false);
  });

  it("agrees with the embedded wallet's own implementation", () => {
    const walletContent = alipayPlusContent(
      'POST',
      example.path,
      example.clientId,
      example.requestTime,
      TEST_ONLY_KAT_BODY,
    );
    expect(walletContent).toBe(content);
    const key = createPublicKey(TEST_ONLY_PUBLIC_KEY);
    expect(
      verifyContent(content, alipayPlusSign(walletContent, createPrivateKey(TEST_ONLY_PRIVATE_KEY)), key),
    ).toBe(true);
  });
});

describe('the Signature header', () => {
  it('is `algorithm=RSA256, keyVersion=1, signature=<URL-encoded base64>`', () => {
    expect(TEST_ONLY_KAT_SIGNATURE).toMatch(/[+/=]/);
    const header = formatSignatureHeader(TEST_ONLY_KAT_SIGNATURE);
    expect(header).toBe(
      `algorithm=RSA256, keyVersion=1, signature=${encodeURIComponent(TEST_ONLY_KAT_SIGNATURE)}`,
    );
    expect(header.split('signature=')[1]).toMatch(/^[A-Za-z0-9%]+$/);
    expect(formatSignatureHeader('abc', '2')).toBe('algorithm=RSA256, keyVersion=2, signature=abc');
  });

  it("parses the docs' spelling and the Python SDK's (no spaces)", () => {
    const encoded = encodeURIComponent(TEST_ONLY_KAT_SIGNATURE);
    for (const header of [
      `algorithm=RSA256, keyVersion=1, signature=${encoded}`,
      `algorithm=RSA256,keyVersion=1,signature=${encoded}`,
    ]) {
      expect(parseSignatureHeader(header)).toEqual({
        algorithm: 'RSA256',
        keyVersion: '1',
        signature: TEST_ONLY_KAT_SIGNATURE,
      });
    }
    expect(parseSignatureHeader('algorithm=RSA256, keyVersion=1')).toBeUndefined();
    expect(parseSignatureHeader(null)).toBeUndefined();
    expect(parseSignatureHeader('algorithm=RSA256, signature=%E0%A4%A')).toBeUndefined();
  });

  it('signRequest makes the three request headers', () => {
    expect(signRequest({ ...example, body: TEST_ONLY_KAT_BODY, privateKey: TEST_ONLY_PRIVATE_KEY })).toEqual({
      'Client-Id': example.clientId,
      'Request-Time': example.requestTime,
      Signature: formatSignatureHeader(TEST_ONLY_KAT_SIGNATURE),
    });
  });
});

describe('verifying a response', () => {
  const response = {
    path: '/v2/authorizations/applyToken',
    clientId: 'TEST_5X00000000000000',
    responseTime: '2019-05-28T12:12:14+08:00',
    body: '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"Success."}}',
  };
  const signatureHeader = formatSignatureHeader(
    signContent(
      contentToSign('POST', response.path, response.clientId, response.responseTime, response.body),
      TEST_ONLY_PRIVATE_KEY,
    ),
  );

  it('accepts the signed response', () => {
    expect(verifyResponse({ ...response, signatureHeader, publicKey: TEST_ONLY_PUBLIC_KEY })).toBe(true);
  });

  it('refuses a changed body, time, client, path, key, algorithm or a missing header', () => {
    const ok = { ...response, signatureHeader, publicKey: TEST_ONLY_PUBLIC_KEY };
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verifyResponse({ ...ok, body: response.body.replace('S"', 'F"') })).toBe(false);
    expect(verifyResponse({ ...ok, responseTime: '2019-05-28T12:12:15+08:00' })).toBe(false);
    expect(verifyResponse({ ...ok, clientId: 'TEST_OTHER' })).toBe(false);
    expect(verifyResponse({ ...ok, path: '/v2/customers/user/inquiryUserInfo' })).toBe(false);
    expect(verifyResponse({ ...ok, publicKey: other })).toBe(false);
    expect(verifyResponse({ ...ok, signatureHeader: signatureHeader.replace('RSA256', 'RSA') })).toBe(false);
    expect(verifyResponse({ ...ok, signatureHeader: undefined })).toBe(false);
    expect(verifyResponse({ ...ok, signatureHeader: 'algorithm=RSA256, signature=not base64!' })).toBe(false);
  });

  it('reads PEM with literal \\n, as environment variables carry it', () => {
    const flattened = TEST_ONLY_PUBLIC_KEY.replace(/\n/g, '\\n');
    expect(verifyResponse({ ...response, signatureHeader, publicKey: flattened })).toBe(true);
  });
});
