import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedWallet, type EmbeddedWallet, type EmbeddedWalletOptions } from '../src/index.ts';
import { danaPost, makeTestKeys, type TestKeys } from './support.ts';

const clientKey = '2025000000000000000001';

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
    clientId: clientKey,
    merchantPublicKey: keys.merchantPublicKeyPem,
    walletPrivateKey: keys.walletPrivateKeyPem,
    ...options,
  });
  started.push(wallet);
  return wallet;
}

function exchange(
  wallet: EmbeddedWallet,
  authCode: string,
  extra: Parameters<typeof danaPost>[2] | object = {},
) {
  return danaPost(
    wallet.url,
    { grantType: 'AUTHORIZATION_CODE', authCode, additionalInfo: {} },
    { clientKey, privateKey: keys.merchantPrivateKey, ...extra },
  );
}

describe('DANA SNAP apply token', () => {
  it('trades a fresh code for a token', async () => {
    const wallet = await start();
    const call = await exchange(wallet, wallet.issueCode({ scopes: ['USER_LOGIN_ID'] }));
    expect(call.status).toBe(200);
    expect(call.json).toMatchObject({
      responseCode: '2007400',
      responseMessage: 'Successful',
      tokenType: 'Bearer',
      additionalInfo: {
        userInfo: { publicUserId: '2188000000000001' },
        authSuccessScopes: ['USER_LOGIN_ID'],
      },
    });
    expect(call.json['accessToken']).toMatch(/^2810[A-Z2-7]{44}$/);
    expect(call.json['accessTokenExpiryTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  });

  it('answers 4017400 "Auth Code Used", "Auth Code Expired" and "Invalid Auth Code"', async () => {
    let now = 1_700_000_000_000;
    const wallet = await start({ now: () => now, codeTtlMs: 1000 });
    const code = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    expect((await exchange(wallet, code)).status).toBe(200);
    expect(await exchange(wallet, code)).toEqual({
      status: 401,
      json: { responseCode: '4017400', responseMessage: 'Unauthorized. Auth Code Used' },
    });
    const late = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    now += 1000;
    expect((await exchange(wallet, late)).json).toEqual({
      responseCode: '4017400',
      responseMessage: 'Unauthorized. Auth Code Expired',
    });
    expect((await exchange(wallet, 'never-issued')).json).toEqual({
      responseCode: '4017400',
      responseMessage: 'Unauthorized. Invalid Auth Code',
    });
  });

  it('rejects a bad signature before looking at the code, which stays usable', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(await exchange(wallet, code, { privateKey: stranger })).toEqual({
      status: 401,
      json: { responseCode: '4017400', responseMessage: 'Unauthorized. Invalid Signature' },
    });
    expect((await exchange(wallet, code)).json.responseCode).toBe('2007400');
  });

  it('checks the mandatory headers, the timestamp format and the client key', async () => {
    const wallet = await start();
    const code = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    expect(await exchange(wallet, code, { omit: 'X-TIMESTAMP' })).toEqual({
      status: 400,
      json: { responseCode: '4007402', responseMessage: 'Invalid Mandatory Field X-TIMESTAMP' },
    });
    expect((await exchange(wallet, code, { timestamp: '2025/01/01 10:00' })).json).toEqual({
      responseCode: '4007401',
      responseMessage: 'Invalid Field Format X-TIMESTAMP',
    });
    expect((await exchange(wallet, code, { clientKey: 'other' })).json).toEqual({
      responseCode: '4017400',
      responseMessage: 'Unauthorized. Unknown Client',
    });
    // What dana-node sends on a machine set to UTC: date-fns-tz writes `Z`.
    expect((await exchange(wallet, code, { timestamp: '2025-01-01T10:00:00Z' })).json.responseCode).toBe(
      '2007400',
    );
  });

  it('spends the code when the exchange fails after the lookup', async () => {
    const wallet = await start();
    wallet.setFaults({ failAfterConsume: true });
    const code = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    expect((await exchange(wallet, code)).status).toBe(500);
    wallet.setFaults({ failAfterConsume: false });
    expect((await exchange(wallet, code)).json.responseMessage).toBe('Unauthorized. Auth Code Used');
  });
});
