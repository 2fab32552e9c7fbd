import type { AuthCodeHost } from '@authcode/core';
import { createWebViewHost } from '@authcode/core/hosts';

/**
 * With `?webview` the page runs as an H5 page in a mini program's `<web-view>`: codes come from the
 * mini-program page (createWebViewResponder), asked through the web-view bridge's `my.postMessage`.
 */
export function webViewHostIfAsked(
  search: string = globalThis.location?.search ?? '',
): AuthCodeHost | undefined {
  return new URLSearchParams(search).has('webview') ? createWebViewHost() : undefined;
}
