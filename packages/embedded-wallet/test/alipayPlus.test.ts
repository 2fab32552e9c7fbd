import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startEmbeddedWallet,
  type EmbeddedWallet,
  type EmbeddedWalletEvent,
  type EmbeddedWalletOptions,
} from '../src/index.ts';
import { alipayPost, alipayResponseVerifies, makeTestKeys, type TestKeys } from './support.ts';

const applyToken = '/v2/authorizations/applyToken';
const inquiryUserInfo = '/v2/customers/user/inquiryUserInfo';
const clientId = 'TEST_MERCHANT_0001';

let keys: TestKeys;
const started: EmbeddedWallet[] = [];
beforeAll(() => {
  keys = makeTestKeys();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((wallet) => wallet.close()));
});

async function start(options: EmbeddedWalletOptions = {}): Promise<EmbeddedWallet> {
  const wallet = await startEmbeddedWallet({
    clientId,
    merchantPublicKey: keys.merchantPublicKeyPem,
    walletPrivateKey: keys.walletPrivateKeyPem,
    ...options,
  });
  started.push(wallet);
  return wallet;
}

function exchange(wallet: EmbeddedWallet, authCode: string, extra: Record<string, unknown> = {}) {
  return alipayPost(
    wallet.url,
    applyToken,
    { grantType: 'AUTHORIZATION_CODE', authCode, customerBelongsTo: 'DANA', ...extra },
    { clientId, privateKey: keys.merchantPrivateKey },
  );
}

describe('Alipay+ applyToken', () => {
  it('trades a fresh code for a token, in a response signed by the wallet', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_user', 'USER_NAME'] });
    expect(code).toMatch(/^2810[A-Z2-7]{28}$/);

    const call = await exchange(wallet, code);
    expect(call.status).toBe(200);
    expect(call.json.result).toEqual({ resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'Success.' });
    expect(call.json['customerId']).toBe('2188000000000001');
    expect(call.json['accessToken']).toMatch(/^2810[A-Z2-7]{44}$/);
    expect(call.json['refreshToken']).toMatch(/^2810[A-Z2-7]{44}$/);
    expect(Date.parse(String(call.json['accessTokenExpiryTime']))).toBeGreaterThan(Date.now());
    expect(JSON.parse(String(call.json['extendInfo']))).toEqual({
      authSuccessScopes: ['auth_user', 'USER_NAME'],
    });
    expect(call.headers.get('client-id')).toBe(clientId);
    expect(call.headers.get('signature')).toMatch(
      /^algorithm=RSA256, keyVersion=1, signature=[A-Za-z0-9%]+$/,
    );
    expect(call.headers.get('cache-control')).toBe('no-store');
    expect(alipayResponseVerifies(call, applyToken, keys.walletPublicKey)).toBe(true);
  });

  it('answers USED_CODE on a second attempt', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('SUCCESS');
    const second = await exchange(wallet, code);
    expect(second.json.result).toMatchObject({ resultCode: 'USED_CODE', resultStatus: 'F' });
    expect(second.json['accessToken']).toBeUndefined();
  });

  it('lets only one of two concurrent attempts through', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const results = await Promise.all([exchange(wallet, code), exchange(wallet, code)]);
    expect(results.map((call) => call.json.result.resultCode).sort()).toEqual(['SUCCESS', 'USED_CODE']);
  });

  it('answers EXPIRED_CODE once codeTtlMs has passed on its clock', async () => {
    let now = 1_700_000_000_000;
    const wallet = await start({ codeTtlMs: 60_000, now: () => now });
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    now += 60_000;
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('EXPIRED_CODE');
    // Still expired, not "invalid", for one more TTL; then forgotten.
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('EXPIRED_CODE');
    now += 60_000;
    expect((await exchange(wallet, code)).json.result.resultCode).toBe('INVALID_CODE');
  });

  it('takes the TTL from WALLET_CODE_TTL_MS', async () => {
    const wallet = await start({ env: { WALLET_CODE_TTL_MS: '1234' } });
    expect(wallet.codeTtlMs).toBe(1234);
    await expect(startEmbeddedWallet({ env: { WALLET_CODE_TTL_MS: 'soon' } })).rejects.toThrow(RangeError);
    expect((await start({ env: {} })).codeTtlMs).toBe(600_000);
  });

  it('answers INVALID_CODE for a code it never issued', async () => {
    const wallet = await start();
    const call = await exchange(wallet, '2810AAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(call.json.result).toMatchObject({ resultCode: 'INVALID_CODE', resultStatus: 'F' });
    expect(alipayResponseVerifies(call, applyToken, keys.walletPublicKey)).toBe(true);
  });

  it('rejects a bad merchant signature before looking at the code, which stays usable', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      { clientId, privateKey: stranger },
    );
    expect(forged.json.result).toMatchObject({ resultCode: 'INVALID_SIGNATURE', resultStatus: 'F' });

    const tampered = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      { clientId, privateKey: keys.merchantPrivateKey, tamperBody: (raw) => raw.replace('{', '{ ') },
    );
    expect(tampered.json.result.resultCode).toBe('INVALID_SIGNATURE');

    const unsigned = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      {
        clientId,
        privateKey: keys.merchantPrivateKey,
        signatureHeader: () => 'algorithm=RSA256, keyVersion=1',
      },
    );
    expect(unsigned.json.result.resultCode).toBe('INVALID_SIGNATURE');

    expect((await exchange(wallet, code)).json.result.resultCode).toBe('SUCCESS');
  });

  it("accepts the official SDK's header spelling without spaces", async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const call = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      {
        clientId,
        privateKey: keys.merchantPrivateKey,
        signatureHeader: (base64) => `algorithm=RSA256,keyVersion=1,signature=${encodeURIComponent(base64)}`,
      },
    );
    expect(call.json.result.resultCode).toBe('SUCCESS');
  });

  it('answers INVALID_CLIENT for another Client-Id', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const call = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE', authCode: code },
      { clientId: 'SOMEONE_ELSE', privateKey: keys.merchantPrivateKey },
    );
    expect(call.json.result.resultCode).toBe('INVALID_CLIENT');
  });

  it('answers PARAM_ILLEGAL for a request without a code or with another grant type', async () => {
    const wallet = await start();
    const noCode = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'AUTHORIZATION_CODE' },
      { clientId, privateKey: keys.merchantPrivateKey },
    );
    expect(noCode.json.result.resultCode).toBe('PARAM_ILLEGAL');
    const refresh = await alipayPost(
      wallet.url,
      applyToken,
      { grantType: 'REFRESH_TOKEN', refreshToken: 'x' },
      { clientId, privateKey: keys.merchantPrivateKey },
    );
    expect(refresh.json.result.resultCode).toBe('PARAM_ILLEGAL');
  });

  it('spends the code on an attempt that fails after the code was looked up', async () => {
    const wallet = await start({ customerBelongsTo: 'GCASH' });
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    expect((await exchange(wallet, code, { customerBelongsTo: 'DANA' })).json.result.resultCode).toBe(
      'PARAM_ILLEGAL',
    );
    expect((await exchange(wallet, code, { customerBelongsTo: 'GCASH' })).json.result.resultCode).toBe(
      'USED_CODE',
    );

    wallet.setFaults({ failAfterConsume: true });
    const other = wallet.issueCode({ scopes: ['auth_base'] });
    expect((await exchange(wallet, other, { customerBelongsTo: 'GCASH' })).json.result).toMatchObject({
      resultCode: 'UNKNOWN_EXCEPTION',
      resultStatus: 'U',
    });
    wallet.setFaults({ failAfterConsume: false });
    expect((await exchange(wallet, other, { customerBelongsTo: 'GCASH' })).json.result.resultCode).toBe(
      'USED_CODE',
    );
  });

  it('signs a forged answer with a key that is not the wallet key when asked to', async () => {
    const wallet = await start();
    wallet.setFaults({ forgeResponseSignature: true });
    const call = await exchange(wallet, wallet.issueCode({ scopes: ['auth_base'] }));
    expect(call.json.result.resultCode).toBe('SUCCESS');
    expect(alipayResponseVerifies(call, applyToken, keys.walletPublicKey)).toBe(false);
  });
});

describe('Alipay+ inquiryUserInfo', () => {
  async function tokenFor(wallet: EmbeddedWallet, scopes: string[]): Promise<string> {
    const call = await exchange(wallet, wallet.issueCode({ scopes }));
    return String(call.json['accessToken']);
  }
  function inquire(wallet: EmbeddedWallet, accessToken: string) {
    return alipayPost(
      wallet.url,
      inquiryUserInfo,
      { accessToken },
      { clientId, privateKey: keys.merchantPrivateKey },
    );
  }

  it('releases only what the consent granted', async () => {
    const wallet = await start();
    const base = await inquire(wallet, await tokenFor(wallet, ['auth_base']));
    expect(base.json['userInfo']).toEqual({ userId: '2188000000000001' });
    expect(alipayResponseVerifies(base, inquiryUserInfo, keys.walletPublicKey)).toBe(true);

    const more = await inquire(wallet, await tokenFor(wallet, ['USER_NAME', 'USER_LOGIN_ID']));
    expect(more.json['userInfo']).toEqual({
      userId: '2188000000000001',
      userName: { fullName: 'Test User 1' },
      loginIdInfos: [{ loginIdType: 'MOBILE_PHONE', loginId: '6281200000001' }],
    });
  });

  it('answers INVALID_ACCESS_TOKEN and EXPIRED_ACCESS_TOKEN', async () => {
    let now = 1_700_000_000_000;
    const wallet = await start({ now: () => now, accessTokenTtlMs: 1000 });
    expect((await inquire(wallet, 'nope')).json.result.resultCode).toBe('INVALID_ACCESS_TOKEN');
    const token = await tokenFor(wallet, ['auth_base']);
    now += 1000;
    expect((await inquire(wallet, token)).json.result.resultCode).toBe('EXPIRED_ACCESS_TOKEN');
  });

  it('serves another user when the consent names one', async () => {
    const wallet = await start({ users: [{ userId: 'u-1' }, { userId: 'u-2', fullName: 'Second' }] });
    const call = await exchange(wallet, wallet.issueCode({ scopes: ['USER_NAME'], userId: 'u-2' }));
    expect(call.json['customerId']).toBe('u-2');
    expect(() => wallet.issueCode({ scopes: ['USER_NAME'], userId: 'u-3' })).toThrow('unknown userId');
  });
});

describe('what the wallet tells', () => {
  it('never puts a code or a token in its events, and never prints', async () => {
    const events: EmbeddedWalletEvent[] = [];
    const printed = vi.spyOn(console, 'log');
    const warned = vi.spyOn(console, 'warn');
    const errored = vi.spyOn(console, 'error');
    const wallet = await start({ onRequest: (event) => events.push(event) });
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    const first = await exchange(wallet, code);
    await exchange(wallet, code);
    const token = String(first.json['accessToken']);
    expect(events.map((event) => event.result)).toEqual(['SUCCESS', 'USED_CODE']);
    expect(events[0]).toEqual({
      api: 'alipay-plus',
      method: 'POST',
      path: applyToken,
      status: 200,
      result: 'SUCCESS',
    });
    const told = JSON.stringify(events);
    expect(told).not.toContain(code);
    expect(told).not.toContain(token);
    expect(printed).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
    expect(errored).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
