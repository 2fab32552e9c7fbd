import { readGlobalMy } from './globalMy.js';
import type { AuthCodeHost } from './types.js';
import { ANSWER_TYPE, hasType, REQUEST_TYPE, type WebViewAnswer } from './webViewProtocol.js';

export interface WebViewResponderOptions {
  /** The `id` of the `<web-view>`, for `my.createWebViewContext`. Not needed when `post` is given. */
  webViewId?: string;
  /** Sends an answer to the H5 page. Default: `my.createWebViewContext(webViewId).postMessage`. */
  post?: (message: unknown) => void;
  /** Default: the page's `my`, looked up for each request. */
  host?: AuthCodeHost;
}

export interface WebViewResponder {
  /** Bind to `<web-view onMessage="onMessage">`: the H5 page's message is `event.detail.data`. */
  onMessage(event: { detail: { data: unknown } }): void;
}

/** The code a refused request is answered with; its `errorMessage` says what was wrong. */
export const INVALID_WEB_VIEW_REQUEST = 'invalid-request';

function readScopes(value: unknown): string[] | string {
  if (!Array.isArray(value) || value.length === 0)
    return '`scopes` must be a non-empty array of scope names.';
  for (const [index, scope] of value.entries()) {
    if (typeof scope !== 'string' || scope === '' || scope.trim() !== scope) {
      return `\`scopes[${index}]\` must be a scope name (a non-empty string without spaces around it).`;
    }
  }
  return [...value] as string[];
}

const readData = (event: unknown): unknown => {
  try {
    return (event as { detail: { data?: unknown } }).detail.data;
  } catch {
    // No event, no `detail`, or a getter that throws: not a request either way.
    return undefined;
  }
};

function findPageHost(given: AuthCodeHost | undefined): AuthCodeHost {
  const host = given ?? readGlobalMy();
  if (typeof (host as { getAuthCode?: unknown } | undefined)?.getAuthCode !== 'function') {
    throw new Error(
      given
        ? 'The `host` given to createWebViewResponder has no getAuthCode function.'
        : 'No super-app host on the mini-program page: there is no `my` with a getAuthCode function.',
    );
  }
  return host as AuthCodeHost;
}

/**
 * The mini-program side of a `<web-view>`'s auth-code requests: it calls `getAuthCode` once per
 * request id and posts the first answer back with that id. Malformed requests are answered with a
 * `fail` that says why, without calling the host; messages that are not requests are ignored.
 */
export function createWebViewResponder(options: WebViewResponderOptions = {}): WebViewResponder {
  const { webViewId, host } = options;
  // Ids seen so far: a repeated id (a page that resent, a replayed message) never calls the host again.
  const seen = new Set<string>();

  const post = (answer: WebViewAnswer) => {
    if (options.post) return options.post(answer);
    const page = readGlobalMy();
    if (typeof page?.createWebViewContext !== 'function') {
      throw new Error('No `my.createWebViewContext` on this page: pass `post` to createWebViewResponder.');
    }
    if (webViewId === undefined) {
      throw new Error('createWebViewResponder needs the `webViewId` of the <web-view>, or a `post`.');
    }
    const context = (page.createWebViewContext as (id: string) => { postMessage(data: unknown): void })(
      webViewId,
    );
    context.postMessage(answer);
  };

  const refuse = (id: string | null, why: string) =>
    post({
      type: ANSWER_TYPE,
      id,
      via: 'fail',
      payload: { error: INVALID_WEB_VIEW_REQUEST, errorMessage: `The web-view request was refused: ${why}` },
    });

  return {
    onMessage(event) {
      const message = readData(event);
      if (!hasType(message, REQUEST_TYPE)) return;
      const { id, scopes: scopesValue } = message;
      if (typeof id !== 'string' || id === '') return refuse(null, '`id` must be a non-empty string.');
      if (seen.has(id)) return;
      seen.add(id);
      const scopes = readScopes(scopesValue);
      if (typeof scopes === 'string') return refuse(id, scopes);

      let answered = false;
      const answer = (via: 'success' | 'fail', payload: unknown) => {
        if (answered) return;
        answered = true;
        post({ type: ANSWER_TYPE, id, via, payload });
      };
      try {
        findPageHost(host).getAuthCode({
          scopes,
          success: (payload) => answer('success', payload),
          fail: (payload) => answer('fail', payload),
          // A host that only calls `complete` still answers; a payload with an error reads as one.
          complete: (payload) =>
            answer(
              typeof (payload as { authCode?: unknown } | undefined)?.authCode === 'string'
                ? 'success'
                : 'fail',
              payload,
            ),
        });
      } catch (error) {
        answer('fail', {
          error: 'host-threw',
          errorMessage: `The mini-program page's host threw: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
  };
}
