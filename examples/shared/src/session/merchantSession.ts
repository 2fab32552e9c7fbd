import { maskAuthCode, type AuthCodeGrant, type ExchangeContext } from '@authcode/core';
import { SERVER_UNREACHABLE, SessionError, UNEXPECTED_RESPONSE, sessionErrorFrom } from './sessionError';

/** What the merchant server says of a live session (`examples/server`): never a token, never the code. */
export interface MerchantSession {
  readonly userId: string;
  readonly scopes: readonly string[];
}

/**
 * Whether the page was served by the merchant server. `standalone` is a static build (`vite preview`,
 * `pnpm dev`, any file host): the flow ends at the masked code, as it always has.
 */
export type MerchantServer =
  | { readonly kind: 'server'; readonly session: MerchantSession | undefined }
  | { readonly kind: 'standalone' };

/** `fetch`, or a stand-in for tests. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** The flow's `exchange`: trades the code for a session cookie and resolves with the server's answer. */
export type SessionExchange = (
  grant: Pick<AuthCodeGrant, 'authCode'>,
  context: ExchangeContext,
) => Promise<MerchantSession>;

export const SESSION_PATH = '/api/session';

/** How long detection waits before the page starts standalone. */
const DETECTION_TIMEOUT_MS = 3000;

// Called through a wrapper: a detached `fetch` throws "Illegal invocation" in browsers.
const globalFetch: FetchLike = (url, init) => fetch(url, init);

function isSession(body: unknown): body is MerchantSession {
  if (typeof body !== 'object' || body === null) return false;
  const { userId, scopes } = body as { userId?: unknown; scopes?: unknown };
  return (
    typeof userId === 'string' &&
    userId.length > 0 &&
    Array.isArray(scopes) &&
    scopes.every((scope) => typeof scope === 'string')
  );
}

function isJson(response: Response): boolean {
  return response.headers.get('content-type')?.includes('application/json') === true;
}

/** A copy holding only what the page shows: the server's answer is not trusted to be exactly a session. */
function toSession(body: MerchantSession): MerchantSession {
  return { userId: body.userId, scopes: [...body.scopes] };
}

async function sessionFrom(response: Response): Promise<MerchantSession> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!isSession(body)) {
    throw new SessionError(UNEXPECTED_RESPONSE, 'The server answered without a session.', response.status);
  }
  return toSession(body);
}

/** Runs a request; a network failure becomes SERVER_UNREACHABLE, an abort stays the abort. */
async function send(fetchImpl: FetchLike, init: RequestInit): Promise<Response> {
  try {
    return await fetchImpl(SESSION_PATH, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason ?? error;
    throw new SessionError(SERVER_UNREACHABLE, 'The server could not be reached.', 0);
  }
}

/**
 * Asks `GET /api/session` once, as the page starts. A JSON 200 or 401 is the merchant server (with or
 * without a live session); an HTML page (a dev server's fallback), a 404, a network error or no
 * answer within `timeoutMs` (3 s) is a static build.
 */
export async function detectMerchantServer(
  fetchImpl: FetchLike = globalFetch,
  { timeoutMs = DETECTION_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<MerchantServer> {
  try {
    const response = await fetchImpl(SESSION_PATH, {
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!isJson(response)) return { kind: 'standalone' };
    if (response.status === 401) return { kind: 'server', session: undefined };
    if (response.status !== 200) return { kind: 'standalone' };
    return { kind: 'server', session: await sessionFrom(response) };
  } catch {
    return { kind: 'standalone' };
  }
}

/**
 * The flow's `exchange` for the merchant server: `POST /api/session` with `{ authCode }`. Resolves
 * with `{ userId, scopes }`; a refusal rejects with a SessionError (the flow makes it the `cause` of
 * its AuthCodeError). The code goes into the request body only, never a URL, a log or storage.
 */
export function createSessionExchange(fetchImpl: FetchLike = globalFetch): SessionExchange {
  return async ({ authCode }, { signal }) => {
    const response = await send(fetchImpl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authCode }),
      signal,
    });
    if (response.ok) return sessionFrom(response);
    const refusal = await sessionErrorFrom(response);
    // The server never echoes the code; should another one do so, the flow would replace this
    // error with a plain one, so the message is masked here and the type kept.
    if (!refusal.message.includes(authCode)) throw refusal;
    const masked = refusal.message.split(authCode).join(maskAuthCode(authCode));
    throw new SessionError(refusal.code, masked, refusal.status);
  };
}

/** `GET /api/session`: the live session, or undefined without one (401). */
export async function readSession(fetchImpl: FetchLike = globalFetch): Promise<MerchantSession | undefined> {
  const response = await send(fetchImpl, { method: 'GET' });
  if (response.status === 401) return undefined;
  if (!response.ok) throw await sessionErrorFrom(response);
  return sessionFrom(response);
}

/** `DELETE /api/session`: the server deletes the session, so a copy of the old cookie is dead too. */
export async function signOut(fetchImpl: FetchLike = globalFetch): Promise<void> {
  const response = await send(fetchImpl, { method: 'DELETE' });
  if (!response.ok) throw await sessionErrorFrom(response);
}
