import { describe, expect, it } from 'vitest';
import { MemorySessionStore, type Session } from '../src/sessions.ts';
import { digest, TriedCodes } from '../src/triedCodes.ts';

const session = (userId: string): Session => ({
  userId,
  scopes: ['auth_base'],
  accessToken: `token-${userId}`,
  createdAt: 0,
  expiresAt: Number.MAX_SAFE_INTEGER,
});

describe('MemorySessionStore', () => {
  it('keeps, answers and deletes sessions', async () => {
    const store = new MemorySessionStore();
    await store.set('a', session('ann'), 1000);
    expect(await store.get('a')).toEqual(session('ann'));
    expect(await store.get('b')).toBeUndefined();
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('forgets an entry when its ttl passes, and a later set slides it', async () => {
    const clock = { now: 0 };
    const store = new MemorySessionStore({ now: () => clock.now });
    await store.set('a', session('ann'), 1000);
    clock.now = 999;
    expect(await store.get('a')).toBeDefined();
    await store.set('a', session('ann'), 1000);
    clock.now = 1500;
    expect(await store.get('a')).toBeDefined();
    clock.now = 1998;
    expect(await store.get('a')).toBeDefined();
    clock.now = 1999;
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('a ttl of zero or less stores nothing', async () => {
    const store = new MemorySessionStore();
    await store.set('a', session('ann'), 0);
    await store.set('b', session('bob'), -5);
    expect(store.size).toBe(0);
  });

  it('is bounded: the least recently written entry goes first', async () => {
    const store = new MemorySessionStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) await store.set(id, session(id), 60_000);
    await store.set('a', session('a'), 60_000); // a written again: b is now the oldest
    await store.set('d', session('d'), 60_000);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    for (const id of ['a', 'c', 'd']) expect(await store.get(id), id).toBeDefined();
  });

  it('sweeps expired entries when writing', async () => {
    const clock = { now: 0 };
    const store = new MemorySessionStore({ now: () => clock.now });
    for (let i = 0; i < 100; i++) await store.set(`s${i}`, session(`u${i}`), 1000);
    clock.now = 5000;
    await store.set('fresh', session('fresh'), 1000);
    expect(store.size).toBe(1);
  });

  it('hands out copies: mutating an answer or the stored argument changes nothing stored', async () => {
    const store = new MemorySessionStore();
    const original = session('ann');
    await store.set('a', original, 1000);
    original.scopes.push('admin');
    const answer = (await store.get('a'))!;
    answer.userId = 'mallory';
    expect(await store.get('a')).toEqual(session('ann'));
  });

  it('refuses a nonsensical bound', () => {
    expect(() => new MemorySessionStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe('TriedCodes', () => {
  it('claims a code once', () => {
    const tried = new TriedCodes();
    expect(tried.claim('abc')).toBe(true);
    expect(tried.claim('abc')).toBe(false);
    expect(tried.claim('abd')).toBe(true);
    expect(tried.digests()).toEqual([digest('abc'), digest('abd')]);
    expect(tried.digests()).not.toContain('abc');
  });

  it('forgets a code after its ttl', () => {
    const clock = { now: 0 };
    const tried = new TriedCodes({ ttlMs: 1000, now: () => clock.now });
    tried.claim('abc');
    clock.now = 999;
    expect(tried.claim('abc')).toBe(false);
    clock.now = 1000;
    expect(tried.claim('abc')).toBe(true);
  });

  it('is bounded: the oldest code is forgotten first, and expired ones are swept', () => {
    const clock = { now: 0 };
    const tried = new TriedCodes({ maxEntries: 3, ttlMs: 1000, now: () => clock.now });
    for (const code of ['a', 'b', 'c', 'd']) tried.claim(code);
    expect(tried.size).toBe(3);
    expect(tried.claim('b')).toBe(false);
    expect(tried.claim('a')).toBe(true); // forgotten, so claimable (the wallet still refuses a real replay)
    clock.now = 5000;
    tried.claim('z');
    expect(tried.size).toBe(1);
  });

  it('digest is SHA-256, base64url', () => {
    expect(digest('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});
