import { startEmbeddedWallet } from '@authcode/embedded-wallet';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWalletClientFromEnv } from '../../src/wallet/fromEnv.ts';
import { makeKeys, noAbort, SecretLedger, tokenOf, walletPool, type Keys } from './support.ts';

const clientId = 'TEST_FROM_ENV';
let keys: Keys;
const pool = walletPool(() => keys);
const ledger = new SecretLedger();

beforeAll(() => {
  keys = makeKeys();
});
afterEach(() => pool.closeAll());
afterAll(() => ledger.expectNoSecretTold());

function envFor(url: string, extra: Record<string, string | undefined> = {}) {
  return {
    WALLET_URL: url,
    WALLET_CLIENT_ID: clientId,
    WALLET_PRIVATE_KEY: keys.merchantPrivateKey,
    WALLET_PUBLIC_KEY: keys.walletPublicKey,
    ...extra,
  };
}

describe('createWalletClientFromEnv', () => {
  it('makes an Alipay+ client by default', async () => {
    const wallet = await pool.start(clientId);
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    ledger.add(code);
    const token = await tokenOf(createWalletClientFromEnv(envFor(wallet.url)), code);
    ledger.add(token.accessToken);
    expect(token.userId).toBe('2188000000000001');
  });

  it('makes a DANA client for WALLET_API=dana-snap, without needing the wallet key', async () => {
    const wallet = await pool.start(clientId);
    const code = wallet.issueCode({ scopes: ['USER_LOGIN_ID'] });
    ledger.add(code);
    const env = envFor(wallet.url, {
      WALLET_API: 'dana-snap',
      WALLET_PUBLIC_KEY: undefined,
      WALLET_PRIVATE_KEY: keys.merchantPrivateKey.replace(/\n/g, '\\n'),
    });
    const token = await tokenOf(createWalletClientFromEnv(env), code);
    ledger.add(token.accessToken);
    expect(token.scopes).toEqual(['USER_LOGIN_ID']);
  });

  it('honours WALLET_TIMEOUT_MS and WALLET_CUSTOMER_BELONGS_TO', async () => {
    const wallet = await pool.start(clientId, { customerBelongsTo: 'TNG' });
    const client = createWalletClientFromEnv(
      envFor(wallet.url, { WALLET_TIMEOUT_MS: '150', WALLET_CUSTOMER_BELONGS_TO: 'TNG' }),
    );
    const code = wallet.issueCode({ scopes: ['auth_base'] });
    ledger.add(code);
    ledger.add((await client.applyToken(code, noAbort())).accessToken);
    wallet.setFaults({ delayMs: 2000 });
    const slow = wallet.issueCode({ scopes: ['auth_base'] });
    ledger.add(slow);
    expect((await ledger.rejects(client.applyToken(slow, noAbort()), 'wallet-unavailable')).message).toBe(
      'the wallet did not answer within 150 ms',
    );
  });

  it('falls back on an embedded wallet when WALLET_URL is unset', async () => {
    const wallet = await startEmbeddedWallet();
    try {
      const client = createWalletClientFromEnv({}, wallet.merchantConfig());
      const code = wallet.issueCode({ scopes: ['auth_base'] });
      ledger.add(code);
      ledger.add((await client.applyToken(code, noAbort())).accessToken);
      const dana = createWalletClientFromEnv({ WALLET_API: 'dana-snap' }, wallet.merchantConfig());
      const danaCode = wallet.issueCode({ scopes: ['auth_base'] });
      ledger.add(danaCode);
      ledger.add((await dana.applyToken(danaCode, noAbort())).accessToken);
    } finally {
      await wallet.close();
    }
  });

  it('names what is missing or malformed, never a value', () => {
    const url = 'http://127.0.0.1:1';
    const cases: [Record<string, string | undefined>, string][] = [
      [{}, 'WALLET_URL is not set (and no embedded wallet was given to fall back on)'],
      [envFor(url, { WALLET_CLIENT_ID: '' }), 'WALLET_CLIENT_ID is not set'],
      [envFor(url, { WALLET_PRIVATE_KEY: undefined }), 'WALLET_PRIVATE_KEY is not set'],
      [envFor(url, { WALLET_PUBLIC_KEY: ' ' }), 'WALLET_PUBLIC_KEY is not set'],
      [envFor(url, { WALLET_API: 'paypal' }), 'WALLET_API must be alipay-plus or dana-snap'],
      [envFor(url, { WALLET_TIMEOUT_MS: '5s' }), 'WALLET_TIMEOUT_MS must be a positive integer'],
      [envFor('not a url'), 'WALLET_URL is not a URL'],
      [
        envFor(url, { WALLET_PRIVATE_KEY: 'secret-but-not-a-key' }),
        'WALLET_PRIVATE_KEY or WALLET_PUBLIC_KEY is not a usable PEM key',
      ],
      [
        envFor(url, {
          WALLET_API: 'dana-snap',
          WALLET_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----',
        }),
        'WALLET_PRIVATE_KEY is not a usable PEM key',
      ],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        createWalletClientFromEnv(env);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Error | undefined)?.message, message).toBe(message);
      expect((thrown as Error).message).not.toContain('secret');
    }
  });
});
