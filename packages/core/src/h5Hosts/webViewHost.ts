import { readGlobalMy } from '../superApp/globalMy.js';
import type { AuthCodeHost, GetAuthCodeOptions } from '../types.js';
import { ANSWER_TYPE, hasType, REQUEST_TYPE, type WebViewRequest } from './webViewProtocol.js';
import { splitSecret } from './webViewSecret.js';

export interface WebViewHostOptions {
  /** Sends a message to the mini-program page. Default: `my.postMessage` of the web-view bridge. */
  post?: (message: unknown) => void;
  /**
   * Starts delivering the mini-program page's messages to `onMessage`; returns the function that
   * stops. Default: installs `my.onMessage`, passing on to the handler that was there before.
   */
  listen?: (onMessage: (message: unknown) => void) => () => void;
  /**
   * The secret the mini-program page put in this page's URL (`responder.src(url)`). Default: read
   * from `location` when the host is created, and removed from the address at once. Pass it when
   * a router runs first: take it with `takeWebViewSecret()` before the router starts.
   */
  secret?: string;
}

declare const location: { href?: unknown } | undefined;
declare const history:
  { state: unknown; replaceState(state: unknown, title: string, url: string): void } | undefined;

/**
 * Reads the web-view secret from this page's address and removes it there (`history.replaceState`),
 * so that links, bookmarks, copies of the URL and scripts that run later do not see it. Call it once,
 * before anything else reads the fragment; `undefined` when the address has none.
 */
export function takeWebViewSecret(): string | undefined {
  try {
    if (typeof location !== 'object' || location === null || typeof location.href !== 'string') return;
    const { secret, rest } = splitSecret(location.href);
    if (secret !== undefined && typeof history === 'object' && history !== null) {
      history.replaceState(history.state, '', rest);
    }
    return secret;
  } catch {
    // A sandboxed page whose history refuses: the secret is still read.
  }
}

function requireBridge(): Record<string, unknown> {
  const bridge = readGlobalMy();
  if (!bridge || typeof bridge.postMessage !== 'function') {
    throw new Error(
      'No web-view bridge: there is no global `my` with postMessage. Load the host’s web-view script (Alipay: https://appx/web-view.min.js) before asking for a code, or pass `post` and `listen`.',
    );
  }
  return bridge;
}

const postThroughBridge = (message: unknown) => {
  const bridge = requireBridge();
  (bridge.postMessage as (message: unknown) => void).call(bridge, message);
};

/** Installs `my.onMessage`; a handler set before keeps its messages and comes back on stop. */
function listenThroughBridge(onMessage: (message: unknown) => void): () => void {
  const bridge = requireBridge();
  const previous = bridge.onMessage;
  const handler = (message: unknown) => {
    onMessage(message);
    if (typeof previous === 'function') previous.call(bridge, message);
  };
  bridge.onMessage = handler;
  return () => {
    // Someone who replaced our handler since keeps theirs.
    if (bridge.onMessage === handler) bridge.onMessage = previous;
  };
}

interface Pending {
  options: GetAuthCodeOptions;
}

/**
 * A host for an H5 page inside a mini program's `<web-view>`, where `my.getAuthCode` is not
 * callable: each request goes to the mini-program page as a message with its own id, and the page's
 * `createWebViewResponder` answers it. Only the first answer to an id counts; the rest are dropped.
 */
export function createWebViewHost(options: WebViewHostOptions = {}): AuthCodeHost {
  const secret = options.secret ?? takeWebViewSecret();
  const pending = new Map<string, Pending>();
  // A random prefix keeps ids apart across hosts and page reloads sharing one mini-program page.
  const prefix = Math.random().toString(36).slice(2, 10);
  let count = 0;
  let stopListening: (() => void) | undefined;

  const forget = (id: string) => {
    pending.delete(id);
    // Listens only while a request waits, so the page's own handler gets `my.onMessage` back.
    if (pending.size === 0) {
      stopListening?.();
      stopListening = undefined;
    }
  };

  const settle = (id: string, request: Pending, via: 'success' | 'fail', payload: unknown) => {
    forget(id);
    const { success, fail, complete } = request.options;
    if (via === 'success') success?.(payload as never);
    else fail?.(payload as never);
    complete?.(payload as never);
  };

  const receive = (message: unknown) => {
    if (!hasType(message, ANSWER_TYPE)) return;
    const { via, payload } = message;
    // Every key is a string, so an `id` of any other type finds no request either.
    const id = message.id as string;
    const request = pending.get(id);
    if (!request) return;
    if (via === 'success' || via === 'fail') settle(id, request, via, payload);
    else
      settle(id, request, 'fail', {
        error: 'invalid-answer',
        errorMessage: `The mini-program page answered request ${id} with a malformed message (via ${typeof via === 'string' ? JSON.stringify(via) : typeof via}).`,
      });
  };

  return {
    takesSignal: true,
    getAuthCode(callOptions, context) {
      if (secret === undefined) {
        throw new Error(
          'No web-view secret: open this page with the mini-program page’s responder.src(url), or pass `secret` to createWebViewHost.',
        );
      }
      // Looked up now, not at import: the bridge script may load after this module.
      const post = options.post ?? postThroughBridge;
      const listen = options.listen ?? listenThroughBridge;
      const id = `${prefix}-${++count}`;
      if (!stopListening) stopListening = listen(receive);
      pending.set(id, { options: callOptions });
      // The flow stopped waiting (cancel, reset, stop, timeout): forget the request, stop listening.
      context?.signal.addEventListener('abort', () => {
        if (pending.has(id)) forget(id);
      });
      const request: WebViewRequest = { type: REQUEST_TYPE, id, scopes: [...callOptions.scopes], secret };
      try {
        post(request);
      } catch (error) {
        forget(id);
        throw error;
      }
    },
  };
}
