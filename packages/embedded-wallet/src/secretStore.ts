import { createHash, randomBytes } from 'node:crypto';

/**
 * A bounded map keyed by secrets (auth codes, access tokens). It stores only the SHA-256 of each
 * secret, so a heap snapshot or a debugger never shows one, and it forgets entries once their
 * retention ends ("swept") or, when full, the oldest first.
 *
 * Entries are swept in insertion order: with one TTL per store and a clock that does not go
 * back, that is also expiry order, so a sweep stops at the first entry still retained.
 */
export class SecretStore<V> {
  readonly #entries = new Map<string, { value: V; dropAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries: number; now: () => number }) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError('maxEntries must be a positive integer');
    }
    this.#maxEntries = options.maxEntries;
    this.#now = options.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Adds an entry kept until `dropAt` (clock milliseconds); evicts the oldest entries when full. */
  set(secret: string, value: V, dropAt: number): void {
    this.sweep();
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    this.#entries.set(digest(secret), { value, dropAt });
  }

  get(secret: string): V | undefined {
    this.sweep();
    return this.#entries.get(digest(secret))?.value;
  }

  /** Removes the entries whose retention has ended. */
  sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.dropAt > now) break;
      this.#entries.delete(key);
    }
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `length` characters of [A-Z2-7] from the CSPRNG, 5 bits each (256 is a multiple of 32: no bias). */
export function randomBase32(length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += base32[byte & 31];
  return out;
}
