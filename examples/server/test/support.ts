import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { MemoryWallet } from './memoryWallet.ts';
import { buildServer, type ServerOptions } from '../src/server.ts';
import { MemorySessionStore } from '../src/sessions.ts';

export const ORIGIN = 'http://127.0.0.1:8787';
/** Headers a same-origin browser fetch sends with a JSON POST. */
export const SAME_ORIGIN = { origin: ORIGIN, 'content-type': 'application/json' } as const;

export interface Harness {
  app: FastifyInstance;
  wallet: MemoryWallet;
  sessions: MemorySessionStore;
  /** Every log line the server wrote (level trace). */
  logs: string[];
  clock: { now: number };
  signIn(userId?: string, scopes?: string[]): Promise<{ response: LightMyRequestResponse; cookie: Cookie }>;
}

export async function harness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const clock = { now: Date.UTC(2030, 0, 1) };
  const now = () => clock.now;
  const wallet = new MemoryWallet({ now });
  const sessions = new MemorySessionStore({ now });
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const app = await buildServer({
    wallet,
    sessions,
    origin: ORIGIN,
    now,
    logger: { level: 'trace', stream },
    ...options,
  });
  const signIn: Harness['signIn'] = async (userId = 'user-1', scopes = ['auth_base']) => {
    const authCode = wallet.issue(userId, scopes);
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: SAME_ORIGIN,
      payload: { authCode },
    });
    if (response.statusCode !== 200)
      throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
    return { response, cookie: sessionCookie(response) };
  };
  return { app, wallet, sessions, logs, clock, signIn };
}

export interface Cookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags map to true. */
  attributes: Record<string, string | true>;
}

/** Parses one Set-Cookie header value. */
export function parseSetCookie(header: string): Cookie {
  const [pair = '', ...parts] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at === -1) attributes[part.toLowerCase()] = true;
    else attributes[part.slice(0, at).toLowerCase()] = part.slice(at + 1);
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

export function setCookies(response: { headers: Record<string, unknown> }): Cookie[] {
  const raw = response.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((value) => parseSetCookie(String(value)));
}

/** The one session cookie a response sets (fails the test otherwise). */
export function sessionCookie(response: { headers: Record<string, unknown> }): Cookie {
  const cookies = setCookies(response);
  if (cookies.length !== 1) throw new Error(`expected one Set-Cookie, got ${cookies.length}`);
  return cookies[0]!;
}

export function cookieHeader(cookie: Cookie): string {
  return `${cookie.name}=${cookie.value}`;
}

export function errorCode(response: LightMyRequestResponse): unknown {
  return (response.json() as { error?: { code?: unknown } }).error?.code;
}
