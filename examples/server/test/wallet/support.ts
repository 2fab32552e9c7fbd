import { generateKeyPairSync } from 'node:crypto';
import {
  startEmbeddedWallet,
  type EmbeddedWallet,
  type EmbeddedWalletOptions,
} from '@authcode/embedded-wallet';
import { expect } from 'vitest';
import { WalletError, type WalletClient, type WalletErrorCode } from '../../src/wallet/types.ts';

/** TEST-ONLY keys, generated per test file: the merchant's pair and the wallet's pair. */
export interface Keys {
  merchantPrivateKey: string;
  merchantPkcs1PrivateKey: string;
  merchantPublicKey: string;
  walletPrivateKey: string;
  walletPublicKey: string;
}

export function makeKeys(): Keys {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const wallet = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    merchantPrivateKey: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    merchantPkcs1PrivateKey: merchant.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    merchantPublicKey: merchant.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    walletPrivateKey: wallet.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    walletPublicKey: wallet.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

export function otherPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

/** Starts embedded wallets on loopback and closes them all in `closeAll`. */
export function walletPool(keys: () => Keys) {
  const started: EmbeddedWallet[] = [];
  return {
    async start(clientId: string, options: EmbeddedWalletOptions = {}): Promise<EmbeddedWallet> {
      const wallet = await startEmbeddedWallet({
        clientId,
        merchantPublicKey: keys().merchantPublicKey,
        walletPrivateKey: keys().walletPrivateKey,
        ...options,
      });
      started.push(wallet);
      return wallet;
    },
    async closeAll(): Promise<void> {
      await Promise.all(started.splice(0).map((wallet) => wallet.close()));
    },
  };
}

/** A signal that never aborts. */
export function noAbort(): { signal: AbortSignal } {
  return { signal: new AbortController().signal };
}

/** Every secret that went through a test; no error text may contain one. */
export class SecretLedger {
  readonly secrets = new Set<string>();
  readonly texts: string[] = [];

  add(...secrets: string[]): void {
    for (const secret of secrets) this.secrets.add(secret);
  }

  /** Expects a WalletError of this code and records everything it would print. */
  async rejects(promise: Promise<unknown>, code: WalletErrorCode): Promise<WalletError> {
    const error = await promise.then(
      () => {
        throw new Error(`expected a WalletError ${code}, got a token`);
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(WalletError);
    const walletError = error as WalletError;
    expect({ code: walletError.code, message: walletError.message }).toEqual({
      code,
      message: expect.any(String),
    });
    this.record(walletError);
    return walletError;
  }

  /** The message, the stack and the cause chain, as a log would print them. */
  record(error: unknown): void {
    let current: unknown = error;
    for (let depth = 0; current !== undefined && depth < 5; depth++) {
      if (current instanceof Error) {
        this.texts.push(current.message, current.stack ?? '', String(current));
        current = current.cause;
      } else {
        this.texts.push(typeof current === 'string' ? current : (JSON.stringify(current) ?? ''));
        current = undefined;
      }
    }
  }

  expectNoSecretTold(): void {
    expect(this.texts.length).toBeGreaterThan(0);
    for (const secret of this.secrets) {
      for (const text of this.texts)
        expect(text.includes(secret), 'a secret appeared in an error').toBe(false);
    }
  }
}

export async function tokenOf(client: WalletClient, authCode: string) {
  return client.applyToken(authCode, noAbort());
}
