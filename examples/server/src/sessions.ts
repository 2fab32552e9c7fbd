/** What the server keeps for a signed-in page. The access token lives here and nowhere else. */
export interface Session {
  userId: string;
  scopes: string[];
  accessToken: string;
  /** When the wallet's token expires (epoch ms), if the wallet said. */
  tokenExpiresAt?: number;
  /** Epoch ms of sign-in. */
  createdAt: number;
  /** Epoch ms after which the session is dead however active it is (absolute lifetime). */
  expiresAt: number;
}

/**
 * Where sessions are kept. The server passes a SHA-256 digest of the cookie's session id as `id`, never the
 * id itself, so a leaked store holds no usable cookie. `ttlMs` is how long the entry may live from now
 * (the idle timeout, capped by the absolute lifetime); the server writes again on use to slide it.
 */
export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  set(id: string, session: Session, ttlMs: number): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface MemorySessionStoreOptions {
  /** At most this many sessions; the least recently written is evicted first. Default 10,000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * The default store: one process's memory, bounded and expiring. Entries are copied in and out, as a
 * shared store would serialize them. For several instances, use a shared store (see README).
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, { session: Session; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
    if (!(Number.isInteger(this.#maxEntries) && this.#maxEntries > 0)) {
      throw new RangeError('maxEntries must be a positive integer');
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(id: string): Promise<Session | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return structuredClone(entry.session);
  }

  async set(id: string, session: Session, ttlMs: number): Promise<void> {
    this.#entries.delete(id);
    if (!(ttlMs > 0)) return;
    this.#entries.set(id, { session: structuredClone(session), expiresAt: this.#now() + ttlMs });
    this.#sweep();
  }

  async delete(id: string): Promise<void> {
    this.#entries.delete(id);
  }

  /** Drops expired entries from the oldest end, then the oldest live ones over the bound. */
  #sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now && this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }
}
