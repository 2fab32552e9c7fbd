import { randomBytes } from 'node:crypto';
import { WalletError, type WalletClient, type WalletToken } from '../src/wallet/types.ts';

/**
 * A test fake, not a wallet client to run with (the server runs against the embedded wallet or a real
 * one: src/fullstack.ts): it issues one-time codes (as a consent sheet would), trades each once for a
 * token, lets codes expire, and can be put down (every call fails), slow (calls hang until aborted) or
 * broken (calls throw a non-wallet error). Its error messages quote the code on purpose, so the tests
 * prove the server never logs them.
 */
export type MemoryWalletMode = 'up' | 'down' | 'slow' | 'broken';

interface Grant {
  userId: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface MemoryWalletOptions {
  /** How long an issued code lives. Default 5 minutes. */
  codeTtlMs?: number;
  /** How long a token lives. Default 1 hour. */
  tokenTtlMs?: number;
  now?: () => number;
}

export class MemoryWallet implements WalletClient {
  mode: MemoryWalletMode = 'up';
  /** Every applyToken call, in order: the code and the signal it was given. */
  readonly calls: { authCode: string; signal: AbortSignal }[] = [];
  /** Every access token handed out, so tests can look for them where they must not be. */
  readonly tokens: string[] = [];
  readonly #grants = new Map<string, Grant>();
  readonly #codeTtlMs: number;
  readonly #tokenTtlMs: number;
  readonly #now: () => number;

  constructor(options: MemoryWalletOptions = {}) {
    this.#codeTtlMs = options.codeTtlMs ?? 5 * 60_000;
    this.#tokenTtlMs = options.tokenTtlMs ?? 60 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** What the consent sheet does when the user agrees: a fresh one-time code for this user. */
  issue(userId: string, scopes: string[] = ['auth_base'], options: { ttlMs?: number } = {}): string {
    const code = randomBytes(24).toString('base64url');
    this.#grants.set(code, {
      userId,
      scopes: [...scopes],
      expiresAt: this.#now() + (options.ttlMs ?? this.#codeTtlMs),
      used: false,
    });
    return code;
  }

  async applyToken(authCode: string, options: { signal: AbortSignal }): Promise<WalletToken> {
    const { signal } = options;
    this.calls.push({ authCode, signal });
    signal.throwIfAborted();
    if (this.mode === 'down') {
      throw new WalletError('wallet-unavailable', `wallet is down; could not trade ${authCode}`);
    }
    if (this.mode === 'broken') throw new TypeError(`wallet client bug while trading ${authCode}`);
    if (this.mode === 'slow') {
      await new Promise<never>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }
    const grant = this.#grants.get(authCode);
    if (!grant) throw new WalletError('code-invalid', `no such code: ${authCode}`);
    if (grant.used) throw new WalletError('code-used', `code already used: ${authCode}`);
    if (grant.expiresAt <= this.#now()) throw new WalletError('code-expired', `code expired: ${authCode}`);
    grant.used = true;
    const accessToken = `at_${randomBytes(32).toString('base64url')}`;
    this.tokens.push(accessToken);
    return {
      accessToken,
      userId: grant.userId,
      scopes: [...grant.scopes],
      expiresAt: this.#now() + this.#tokenTtlMs,
    };
  }
}
