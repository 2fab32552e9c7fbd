import { TO_MINI_PROGRAM, TO_PAGE } from '../webview-shell/channel';

/**
 * A stand-in for the host's web-view bridge script (Alipay: web-view.min.js), for H5 pages inside
 * the shell's frame: `my.postMessage` goes to the mini-program page, and its answers arrive at
 * `my.onMessage`. Runs before any page script, as the real script does when loaded first.
 */
export function installWebViewBridge(keys: { toMiniProgram: string; toPage: string }) {
  if (window.parent === window) return;
  const bridge: { postMessage(data: unknown): void; onMessage?: (data: unknown) => void } = {
    postMessage: (data) => window.parent.postMessage({ [keys.toMiniProgram]: data }, window.location.origin),
  };
  Object.assign(window, { my: bridge });
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    const envelope = event.data as Record<string, unknown> | null;
    if (envelope && typeof envelope === 'object' && keys.toPage in envelope)
      bridge.onMessage?.(envelope[keys.toPage]);
  });
}

export const webViewBridgeKeys = { toMiniProgram: TO_MINI_PROGRAM, toPage: TO_PAGE };
