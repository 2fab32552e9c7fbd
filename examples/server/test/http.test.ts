import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryWallet } from './memoryWallet.ts';
import { buildServer } from '../src/server.ts';
import { parseSetCookie } from './support.ts';

/** A free loopback port: the origin has to be known before the server is built. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Sends raw bytes on a fresh connection and answers what came back before the server closed it. */
async function rawExchange(port: number, bytes: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(bytes);
  await new Promise<void>((resolve) => {
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    setTimeout(() => socket.end(), 200);
  });
  return Buffer.concat(chunks).toString('latin1');
}

describe('over real loopback HTTP', () => {
  let app: FastifyInstance;
  let wallet: MemoryWallet;
  let origin: string;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'example-server-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>shop</title><p>hello</p>');
    writeFileSync(join(staticDir, 'app.js'), 'console.log("hi");');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    wallet = new MemoryWallet();
    app = await buildServer({ wallet, origin, staticDir, walletTimeoutMs: 100 });
    await app.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const signIn = (authCode: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ authCode }),
    });

  it('signs in, reads the session, signs out; the old cookie is dead afterwards', async () => {
    const authCode = wallet.issue('user-http', ['auth_user']);
    const response = await signIn(authCode);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: 'user-http', scopes: ['auth_user'] });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const setCookie = response.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const cookie = parseSetCookie(setCookie[0]!);
    expect(cookie.name).toBe('session');
    expect(cookie.attributes.httponly).toBe(true);
    expect(cookie.attributes.samesite).toBe('Lax');
    expect(cookie.attributes.path).toBe('/');
    const jar = `${cookie.name}=${cookie.value}`;

    const me = await fetch(`${origin}/api/session`, { headers: { cookie: jar } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ userId: 'user-http', scopes: ['auth_user'] });

    const out = await fetch(`${origin}/api/session`, { method: 'DELETE', headers: { origin, cookie: jar } });
    expect(out.status).toBe(204);
    expect(parseSetCookie(out.headers.getSetCookie()[0]!).value).toBe('');

    const after = await fetch(`${origin}/api/session`, { headers: { cookie: jar } });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('a replayed code answers 409 over the wire', async () => {
    const authCode = wallet.issue('user-replay');
    const calls = wallet.calls.length;
    expect((await signIn(authCode)).status).toBe(200);
    const replay = await signIn(authCode);
    expect(replay.status).toBe(409);
    expect(wallet.calls.length).toBe(calls + 1);
  });

  it('five users at once get five distinct sessions', async () => {
    const responses = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((user) => signIn(wallet.issue(user))));
    const ids = responses.map((response) => parseSetCookie(response.headers.getSetCookie()[0]!).value);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(ids).size).toBe(5);
  });

  it('refuses a cross-origin POST and a bare one (fetch in Node sends no Origin)', async () => {
    const calls = wallet.calls.length;
    const cross = await signIn(wallet.issue('x'), { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toEqual({ error: { code: 'forbidden-origin', message: expect.any(String) } });
    const bare = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authCode: wallet.issue('y') }),
    });
    expect(bare.status).toBe(403);
    expect(wallet.calls.length).toBe(calls);
  });

  it('answers 413 for a 5 KiB body and 415 for a form', async () => {
    const big = await signIn('a'.repeat(5 * 1024));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { code: 'payload-too-large', message: expect.any(String) } });
    const form = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { origin },
      body: new URLSearchParams({ authCode: 'abc' }),
    });
    expect(form.status).toBe(415);
  });

  it('answers 413 for a chunked body (no Content-Length) over 4 KiB', async () => {
    const chunk = new TextEncoder().encode('{"authCode":"' + 'a'.repeat(2048));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 4) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers 504 when the wallet hangs, and 502 when it is down', async () => {
    wallet.mode = 'slow';
    try {
      const slow = await signIn(wallet.issue('slow'));
      expect(slow.status).toBe(504);
      expect(wallet.calls.at(-1)!.signal.aborted).toBe(true);
      wallet.mode = 'down';
      const down = await signIn(wallet.issue('down'));
      expect(down.status).toBe(502);
    } finally {
      wallet.mode = 'up';
    }
  });

  it('serves the static site at / from the same origin, and JSON 404s under /api', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>shop</title>');
    const script = await fetch(`${origin}/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');

    const missing = await fetch(`${origin}/api/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const escape = await fetch(`${origin}/..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBeGreaterThanOrEqual(400);
    expect(escape.status).toBeLessThan(500);
  });

  it('survives garbage on the socket and a flood of 500 bad requests', async () => {
    const port = Number(new URL(origin).port);
    const garbage = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    const hugeHeader = await rawExchange(
      port,
      `GET /api/session HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(hugeHeader).toMatch(/^HTTP\/1\.1 431/);

    const kinds: (() => Promise<Response>)[] = [
      () => signIn('x'.repeat(300)),
      () =>
        fetch(`${origin}/api/session`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: '{',
        }),
      () => fetch(`${origin}/api/session`, { method: 'DELETE' }),
      () => fetch(`${origin}/api/session`, { headers: { cookie: 'session=%%' } }),
      () => signIn('forged'),
    ];
    const statuses = new Set<number>();
    for (let batch = 0; batch < 10; batch++) {
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => kinds[i % kinds.length]!()));
      for (const response of responses) {
        statuses.add(response.status);
        await response.arrayBuffer();
      }
    }
    expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true);
    expect((await signIn(wallet.issue('after-flood'))).status).toBe(200);
  });
});
