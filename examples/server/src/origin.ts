/**
 * Who may send state-changing requests (POST, DELETE) to /api: the login-CSRF guard.
 *
 * 1. An `Origin` header decides alone: it must be the site's own origin or one of `allowedOrigins`
 *    (exact match; `Origin: null` from sandboxed frames, `file:` pages and some redirects never matches).
 * 2. No `Origin` but `Sec-Fetch-Site`: only `same-origin` passes (`same-site` is a sibling subdomain, which
 *    may be someone else's; `cross-site` and `none` are not this site's page).
 * 3. Neither header: refused, unless `allowNoOrigin` is set. Browsers send `Origin` on every POST and
 *    DELETE fetch (same-origin ones included), so a bare request is not a browser page: a mini program's
 *    `my.request`, curl, a server. Those carry no victim's cookies, so they cannot forge a sign-in in
 *    someone's browser — the risk left is pre-2020 browsers that omitted `Origin`, hence opt-in.
 */
export interface OriginPolicy {
  /** The serialized origins accepted in `Origin` (the site's own first). */
  origins: ReadonlySet<string>;
  allowNoOrigin: boolean;
}

/** Normalizes `http://host:port/` to `http://host:port`; refuses what is not an http(s) origin. */
export function toOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`not an origin: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`not an http(s) origin: ${JSON.stringify(value)}`);
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new TypeError(`an origin has no path, query, fragment or credentials: ${JSON.stringify(value)}`);
  }
  return url.origin;
}

export function originPolicy(
  origin: string,
  allowedOrigins: readonly string[] = [],
  allowNoOrigin = false,
): OriginPolicy {
  return { origins: new Set([origin, ...allowedOrigins].map(toOrigin)), allowNoOrigin };
}

type HeaderValue = string | string[] | undefined;

/** Whether a state-changing request with these headers may proceed. */
export function originAllowed(
  policy: OriginPolicy,
  headers: { origin?: HeaderValue; 'sec-fetch-site'?: HeaderValue },
): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return typeof origin === 'string' && policy.origins.has(origin);
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  return policy.allowNoOrigin;
}
