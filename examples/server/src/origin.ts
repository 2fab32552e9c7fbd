/**
 * Who may send state-changing requests (POST, DELETE) to /api: the login-CSRF guard.
 *
 * 1. An `Origin` header decides alone: it must be the site's own origin or one of `allowedOrigins`
 *    (exact match; `Origin: null` from sandboxed frames, `file:` pages and some redirects never matches).
 * 2. No `Origin` but `Sec-Fetch-Site`: only `same-origin` passes (`same-site` is a sibling subdomain, which
 *    may be someone else's; `cross-site` and `none` are not this site's page).
 * 3. Neither header: accepted only when `allowClientHeader` is set and the request carries the custom
 *    header `X-Authcode-Client` with a non-empty value (the OWASP CSRF cheat sheet's "custom request
 *    header" defence). Browsers send `Origin` on every POST and DELETE fetch, so a bare request is a
 *    mini program's `my.request`, curl or a server, or a browser old enough to omit `Origin`. No browser
 *    page can add a custom header to a cross-origin request without a CORS preflight, which this server
 *    never approves, and an HTML form cannot add one at all: a forged request lacks it.
 */
export interface OriginPolicy {
  /** The serialized origins accepted in `Origin` (the site's own first). */
  origins: ReadonlySet<string>;
  /** Accept a request with neither `Origin` nor `Sec-Fetch-Site` when it carries `X-Authcode-Client`. */
  allowClientHeader: boolean;
}

/** The custom header non-browser clients (mini programs' `my.request`) send; lower case, as Node keys it. */
export const CLIENT_HEADER = 'x-authcode-client';

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
  allowClientHeader = false,
): OriginPolicy {
  return { origins: new Set([origin, ...allowedOrigins].map(toOrigin)), allowClientHeader };
}

type HeaderValue = string | string[] | undefined;

/** Whether a state-changing request with these headers may proceed. */
export function originAllowed(
  policy: OriginPolicy,
  headers: { origin?: HeaderValue; 'sec-fetch-site'?: HeaderValue; [CLIENT_HEADER]?: HeaderValue },
): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return typeof origin === 'string' && policy.origins.has(origin);
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const client = headers[CLIENT_HEADER];
  return policy.allowClientHeader && typeof client === 'string' && client.trim() !== '';
}
