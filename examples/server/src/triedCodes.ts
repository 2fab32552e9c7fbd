import { createHash } from 'node:crypto';

export interface TriedCodesOptions {
  /** At most this many remembered codes; the oldest is forgotten first. Default 10,000. */
  maxEntries?: number;
  /** How long a tried code is remembered. Default 10 minutes, longer than a wallet code lives. */
  ttlMs?: number;
  now?: () => number;
}

/** SHA-256 of a string, base64url: how codes and session ids are kept (never the value itself). */
export function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/**
 * The authCodes this server has already sent to the wallet, as SHA-256 digests: bounded and expiring.
 * A replay is answered `code-used` without a second wallet call. The wallet still enforces single use;
 * this set spares it the call and answers concurrent duplicates consistently.
 */
export class TriedCodes {
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: TriedCodesOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Records the code; answers false when it was already recorded (and not yet forgotten). */
  claim(code: string): boolean {
    const key = digest(code);
    const now = this.#now();
    const expiresAt = this.#entries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#entries.delete(key);
    this.#entries.set(key, now + this.#ttlMs);
    for (const [oldest, oldestExpiresAt] of this.#entries) {
      if (oldestExpiresAt > now && this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
    return true;
  }

  /** What is kept: digests only (the tests check that no code is among them). */
  digests(): string[] {
    return [...this.#entries.keys()];
  }
}
