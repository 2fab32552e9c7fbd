import type { AuthCodeHost } from '@authcode/core';
import { createWebViewHost, takeWebViewSecret } from '@authcode/core/hosts';

/**
 * With `?webview` the page runs as an H5 page in a mini program's `<web-view>`: codes come from the
 * mini-program page (createWebViewResponder), asked through the web-view bridge's `my.postMessage`.
 * Call it once as the page starts (the examples do, when their root module loads), before anything
 * else reads or rewrites the address: the secret the mini-program page put in the fragment is taken
 * here and removed from the address at once.
 */
export function webViewHostIfAsked(
  search: string = globalThis.location?.search ?? '',
): AuthCodeHost | undefined {
  if (!new URLSearchParams(search).has('webview')) return undefined;
  return createWebViewHost({ secret: takeWebViewSecret() });
}
