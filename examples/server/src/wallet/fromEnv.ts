/**
 * The wallet client chosen by the environment. Nothing secret belongs in the repository: keys
 * come from the environment (or, for an offline run, from an embedded wallet's generated
 * TEST-ONLY keys passed as `fallback`).
 *
 * | variable | meaning |
 * | --- | --- |
 * | `WALLET_API` | `alipay-plus` (default): Alipay+ `POST /v2/authorizations/applyToken`; `dana-snap`: DANA SNAP `POST /v1.0/access-token/b2b2c.htm` through the dana-node SDK |
 * | `WALLET_URL` | the wallet's OpenAPI base URL (e.g. DANA: https://api.sandbox.dana.id). Unset: everything below but the options comes from `fallback`, and without one this throws |
 * | `WALLET_CLIENT_ID` | the merchant's id at the wallet: Alipay+ `Client-Id`, DANA partner id (`X-PARTNER-ID`/`X-CLIENT-KEY`) |
 * | `WALLET_PRIVATE_KEY` | the merchant's RSA private key, PEM (literal `\n` accepted); DANA wants PKCS#8, PKCS#1 is converted |
 * | `WALLET_PUBLIC_KEY` | the wallet's RSA public key, PEM: verifies Alipay+ answer signatures (required for `alipay-plus`; DANA signs no answer) |
 * | `WALLET_TIMEOUT_MS` | how long one exchange may take, default 5000 |
 * | `WALLET_CUSTOMER_BELONGS_TO` | optional, Alipay+ `customerBelongsTo` (e.g. `DANA`, `GCASH`, `TNG`) |
 * | `WALLET_KEY_VERSION` | optional, Alipay+ `keyVersion`, default 1 |
 * | `WALLET_ORIGIN` | optional, DANA's `ORIGIN` (unused by apply token) |
 *
 * Errors name the missing or malformed variable, never its value.
 */
import { createAlipayPlusClient } from './alipayPlusClient.ts';
import { createDanaSnapClient } from './danaSnapClient.ts';
import type { WalletClient } from './types.ts';

export type WalletApi = 'alipay-plus' | 'dana-snap';

/** Where the wallet is when `WALLET_URL` is unset, e.g. an embedded wallet's `merchantConfig()`. */
export interface WalletFallback {
  url: string;
  clientId: string;
  privateKey: string;
  walletPublicKey?: string;
}

export function createWalletClientFromEnv(
  env: Record<string, string | undefined>,
  fallback?: WalletFallback,
): WalletClient {
  const api = walletApi(env['WALLET_API']);
  const timeoutMs = positiveInteger(env['WALLET_TIMEOUT_MS'], 'WALLET_TIMEOUT_MS', 5000);
  const fromEnv = Boolean(env['WALLET_URL']?.trim());
  if (!fromEnv && !fallback) {
    throw new Error('WALLET_URL is not set (and no embedded wallet was given to fall back on)');
  }
  const setting = (name: string, fallbackValue: string | undefined): string | undefined =>
    fromEnv ? nonEmpty(env[name]) : fallbackValue;
  const required = (name: string, fallbackValue: string | undefined): string => {
    const value = setting(name, fallbackValue);
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };

  const url = required('WALLET_URL', fallback?.url);
  try {
    new URL(url);
  } catch {
    throw new Error('WALLET_URL is not a URL');
  }
  const clientId = required('WALLET_CLIENT_ID', fallback?.clientId);
  const privateKey = required('WALLET_PRIVATE_KEY', fallback?.privateKey);

  if (api === 'dana-snap') {
    const origin = nonEmpty(env['WALLET_ORIGIN']);
    try {
      return createDanaSnapClient({
        url,
        partnerId: clientId,
        privateKey,
        timeoutMs,
        ...(origin ? { origin } : {}),
      });
    } catch (error) {
      throw new Error('WALLET_PRIVATE_KEY is not a usable PEM key', { cause: error });
    }
  }
  const walletPublicKey = required('WALLET_PUBLIC_KEY', fallback?.walletPublicKey);
  const customerBelongsTo = nonEmpty(env['WALLET_CUSTOMER_BELONGS_TO']);
  const keyVersion = nonEmpty(env['WALLET_KEY_VERSION']);
  try {
    return createAlipayPlusClient({
      url,
      clientId,
      privateKey,
      walletPublicKey,
      timeoutMs,
      ...(customerBelongsTo ? { customerBelongsTo } : {}),
      ...(keyVersion ? { keyVersion } : {}),
    });
  } catch (error) {
    throw new Error('WALLET_PRIVATE_KEY or WALLET_PUBLIC_KEY is not a usable PEM key', { cause: error });
  }
}

function walletApi(value: string | undefined): WalletApi {
  const api = value?.trim() || 'alipay-plus';
  if (api !== 'alipay-plus' && api !== 'dana-snap') {
    throw new Error('WALLET_API must be alipay-plus or dana-snap');
  }
  return api;
}

function positiveInteger(value: string | undefined, name: string, otherwise: number): number {
  if (value === undefined || value.trim() === '') return otherwise;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer`);
  return number;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
