import { readGlobalMy } from './globalMy.js';
import type { AuthCodeHost, GetAuthCodeOptions } from './types.js';
import { ANSWER_TYPE, hasType, REQUEST_TYPE, type WebViewRequest } from './webViewProtocol.js';

export interface WebViewHostOptions {
  /** Sends a message to the mini-program page. Default: `my.postMessage` of the web-view bridge. */
  post?: (message: unknown) => void;
  /**
   * Starts delivering the mini-program page's messages to `onMessage`; returns the function that
   * stops. Default: installs `my.onMessage`, passing on to the handler that was there before.
   */
  listen?: (onMessage: (message: unknown) => void) => () => void;
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
    getAuthCode(callOptions) {
      // Looked up now, not at import: the bridge script may load after this module.
      const post = options.post ?? postThroughBridge;
      const listen = options.listen ?? listenThroughBridge;
      const id = `${prefix}-${++count}`;
      if (!stopListening) stopListening = listen(receive);
      pending.set(id, { options: callOptions });
      const request: WebViewRequest = { type: REQUEST_TYPE, id, scopes: [...callOptions.scopes] };
      try {
        post(request);
      } catch (error) {
        forget(id);
        throw error;
      }
    },
  };
}
