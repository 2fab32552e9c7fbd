/**
 * The secret that binds a `<web-view>`'s channel to the page the mini program opened: the responder
 * makes it for each `src(url)` and puts it in the URL's fragment, which no server, access log or
 * Referer sees; the H5 page reads it from its address, removes it there, and sends it with every
 * request. A page the web-view reached some other way (a link, a redirect) does not have it.
 */

/** The fragment parameter that carries the secret: `https://h5.example/#authcode-secret=…`. */
export const SECRET_PARAM = 'authcode-secret';

/** 128 bits. */
export const SECRET_BYTES = 16;

/** Where a secret's bytes came from. */
export type SecretSource = 'web-crypto' | 'host';

const base64Url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding: 22 characters for 16 bytes, safe in a URL fragment as is. */
export function encodeSecret(bytes: ArrayLike<number>): string {
  let text = '';
  let value = 0;
  let bits = 0;
  for (let index = 0; index < bytes.length; index++) {
    value = ((value << 8) | (bytes[index]! & 255)) & 0x3fff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text += base64Url[(value >> bits) & 63];
    }
  }
  return bits > 0 ? text + base64Url[(value << (6 - bits)) & 63] : text;
}

/** Compares without an early exit, so the time taken does not tell how much of a guess was right. */
export function isSameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= given.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

/** `url` followed by the secret in its fragment (after the fragment it already has, if any). */
export function addSecret(url: string, secret: string): string {
  return `${url}${url.includes('#') ? '&' : '#'}${SECRET_PARAM}=${secret}`;
}

/** The secret in `href`'s fragment, and `href` without it. */
export function splitSecret(href: string): { secret: string | undefined; rest: string } {
  const hashAt = href.indexOf('#');
  if (hashAt < 0) return { secret: undefined, rest: href };
  const parts = href.slice(hashAt + 1).split('&');
  const index = parts.findIndex((part) => part.startsWith(`${SECRET_PARAM}=`));
  if (index < 0) return { secret: undefined, rest: href };
  const secret = parts[index]!.slice(SECRET_PARAM.length + 1);
  parts.splice(index, 1);
  const hash = parts.join('&');
  return { secret: secret || undefined, rest: href.slice(0, hashAt) + (hash ? `#${hash}` : '') };
}
