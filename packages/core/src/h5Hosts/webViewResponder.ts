import { readGlobalMy } from '../superApp/globalMy.js';
import { takeTurn } from '../superApp/hostTurns.js';
import type { AuthCodeHost, Scope } from '../types.js';
import {
  ANSWER_TYPE,
  hasType,
  REQUEST_TYPE,
  webViewRefusals,
  type WebViewAnswer,
} from './webViewProtocol.js';
import { createSecretMaker } from './webViewRandom.js';
import { addSecret, isSameSecret, type SecretSource } from './webViewSecret.js';

export interface WebViewResponderOptions {
  /**
   * The scopes H5 pages may ask for. A request for any other scope is refused without a consent
   * sheet: the mini-program page, not the page in the web-view, decides what may be asked.
   */
  scopes: readonly Scope[];
  /** The `id` of the `<web-view>`, for `my.createWebViewContext`. Not needed when `post` is given. */
  webViewId?: string;
  /** Sends an answer to the H5 page. Default: `my.createWebViewContext(webViewId).postMessage`. */
  post?: (message: unknown) => void;
  /** Default: the page's `my`, looked up for each request. */
  host?: AuthCodeHost;
  /** How long a request waits for the host's answer before it is answered `host-timeout`, in ms. Default 60000; 0 waits forever. */
  timeoutMs?: number;
  /**
   * Origins (`https://h5.example.com`) the web-view may show when it asks: checked against the URL
   * given to `src()` and then the `<web-view onLoad>` `detail.src` of each load. Defence in depth
   * only: a message can arrive before the `onLoad` of the page that sent it.
   */
  origins?: readonly string[];
}

export interface WebViewResponder {
  /**
   * The URL for `<web-view src>`: `url` followed by a fragment with a fresh 128-bit secret. Only a
   * page opened with the latest `src()` can ask for a code. Throws when no secret can be made yet:
   * `await ready()` first where the engine has no Web Crypto.
   */
  src(url: string): string;
  /** Where the latest `src()` secret's bytes came from: `web-crypto`, or `host` (`my.getRandomValues`). */
  readonly secretSource: SecretSource | undefined;
  /** Resolves once `src()` can make a secret (at once with Web Crypto; after the host's `my.getRandomValues` otherwise). */
  ready(): Promise<void>;
  /** Bind to `<web-view onMessage>`: the H5 page's message is `event.detail.data`. */
  onMessage(event: { detail: { data: unknown } }): void;
  /** Bind to `<web-view onLoad>`: the page the web-view now shows, for `origins`. */
  onLoad(event: { detail: { src?: unknown } }): void;
}

/** Request ids remembered against replays: bounded, so a flood of fresh ids keeps memory flat. */
const MAX_REMEMBERED_IDS = 64;
const MAX_ID_LENGTH = 128;
const MAX_SCOPES = 64;

const readOrigin = (url: unknown): string | undefined =>
  typeof url === 'string' ? /^[a-z][a-z\d+.-]*:\/\/[^/?#]+/i.exec(url)?.[0].toLowerCase() : undefined;

function readAllowedScopes(value: unknown): Set<string> {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((scope) => typeof scope !== 'string' || scope === '' || scope.trim() !== scope)
  ) {
    throw new TypeError(
      'createWebViewResponder needs `scopes`: the non-empty list of scope names H5 pages may ask for.',
    );
  }
  return new Set(value as string[]);
}

function readOrigins(value: readonly string[] | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  const origins = Array.isArray(value) ? value.map(readOrigin) : [];
  if (origins.length === 0 || origins.some((origin) => origin === undefined)) {
    throw new TypeError(
      'createWebViewResponder: `origins` must be a non-empty list of origins such as "https://h5.example.com".',
    );
  }
  return new Set(origins as string[]);
}

/** The request's fields as plain values; `undefined` for junk (including getters that throw). */
function readRequest(event: unknown): Record<string, unknown> | undefined {
  try {
    const message = (event as { detail: { data?: unknown } }).detail.data;
    if (!hasType(message, REQUEST_TYPE)) return undefined;
    const { id, scopes, secret } = message;
    return { id, scopes, secret };
  } catch {
    return undefined;
  }
}

/** Why `scopes` cannot be asked for, or the list to ask for. */
function checkScopes(value: unknown): string[] | string {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SCOPES)
    return `\`scopes\` must be a non-empty array of at most ${MAX_SCOPES} scope names.`;
  for (const [index, scope] of value.entries()) {
    if (typeof scope !== 'string' || scope === '' || scope.trim() !== scope) {
      return `\`scopes[${index}]\` must be a scope name (a non-empty string without spaces around it).`;
    }
  }
  return [...value] as string[];
}

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
 * The mini-program side of a `<web-view>`'s auth-code requests. It answers only the page it opened
 * with `src()` (the secret in the fragment), only for the scopes it allows, one consent sheet at a
 * time (the same per-host turns as flows, so a page flow and a web-view request never open two), and
 * at most once per request id. Refusals are `fail` answers that say why; they never call the host.
 */
export function createWebViewResponder(options: WebViewResponderOptions): WebViewResponder {
  const allowed = readAllowedScopes((options as Partial<WebViewResponderOptions> | undefined)?.scopes);
  const origins = readOrigins(options.origins);
  const { webViewId, host, timeoutMs = 60_000 } = options;
  const secrets = createSecretMaker();
  let secret: string | undefined;
  let secretSource: SecretSource | undefined;
  let shownOrigin: string | undefined;
  let waiting = false;
  // Insertion-ordered, so the oldest id is forgotten first.
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

  const refuse = (id: string | null, error: string, why: string) =>
    post({
      type: ANSWER_TYPE,
      id,
      via: 'fail',
      payload: { error, errorMessage: `The web-view request was refused: ${why}` },
    });

  /** Asks the host when its turn comes; answers once, whatever the host does. */
  const ask = (id: string, scopes: string[]) => {
    waiting = true;
    let answered = false;
    let endTurn = () => {};
    const answer = (via: 'success' | 'fail', payload: unknown) => {
      if (answered) return;
      answered = true;
      waiting = false;
      clearTimeout(timer);
      endTurn();
      post({ type: ANSWER_TYPE, id, via, payload });
    };
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () =>
              answer('fail', {
                error: webViewRefusals.timeout,
                errorMessage: `The mini-program page's host did not answer within ${timeoutMs} ms.`,
              }),
            timeoutMs,
          )
        : undefined;
    const hostThrew = (error: unknown) =>
      answer('fail', {
        error: webViewRefusals.hostThrew,
        errorMessage: `The mini-program page's host threw: ${error instanceof Error ? error.message : String(error)}`,
      });
    let pageHost: AuthCodeHost;
    try {
      pageHost = findPageHost(host);
    } catch (error) {
      return hostThrew(error);
    }
    endTurn = takeTurn(pageHost, () => {
      try {
        // Exactly the four options of `my.getAuthCode`: a host bridge serialises what it gets.
        pageHost.getAuthCode({
          scopes,
          success: (payload) => answer('success', payload),
          fail: (payload) => answer('fail', payload),
          // A host that only calls `complete` still answers; a payload with a code reads as a grant.
          complete: (payload) =>
            answer(
              typeof (payload as { authCode?: unknown } | undefined)?.authCode === 'string'
                ? 'success'
                : 'fail',
              payload,
            ),
        });
      } catch (error) {
        hostThrew(error);
      }
    });
    // A host that answered inside getAuthCode did so before its turn could be ended.
    if (answered) endTurn();
  };

  return {
    src(url) {
      if (typeof url !== 'string' || url === '') {
        throw new TypeError('responder.src(url) needs the URL of the H5 page, as a non-empty string.');
      }
      if (origins && !origins.has(readOrigin(url) ?? '')) {
        throw new Error(`responder.src(url): the origin of ${url} is not in \`origins\`.`);
      }
      const made = secrets.take();
      secret = made.secret;
      secretSource = made.source;
      shownOrigin = readOrigin(url);
      return addSecret(url, made.secret);
    },

    get secretSource() {
      return secretSource;
    },

    ready: secrets.ready,

    onLoad(event) {
      let src: unknown;
      try {
        src = event.detail.src;
      } catch {
        // No detail: the page shown is unknown, and `origins` refuses an unknown page.
      }
      shownOrigin = readOrigin(src);
    },

    onMessage(event) {
      const request = readRequest(event);
      if (!request) return;
      const { id: rawId, scopes: rawScopes, secret: given } = request;
      const id = typeof rawId === 'string' && rawId !== '' && rawId.length <= MAX_ID_LENGTH ? rawId : null;
      // Checked before anything else: a page without the secret learns nothing and uses up nothing.
      if (secret === undefined || !isSameSecret(given, secret)) {
        return refuse(
          id,
          webViewRefusals.untrusted,
          secret === undefined
            ? 'no page was opened with responder.src(url) yet.'
            : 'it does not carry the secret of the page this mini program opened with responder.src(url).',
        );
      }
      if (origins && !origins.has(shownOrigin ?? '')) {
        return refuse(id, webViewRefusals.untrusted, `the web-view shows a page outside \`origins\`.`);
      }
      if (id === null) {
        return refuse(
          null,
          webViewRefusals.invalid,
          `\`id\` must be a string of 1 to ${MAX_ID_LENGTH} characters.`,
        );
      }
      if (seen.has(id)) return;
      seen.add(id);
      if (seen.size > MAX_REMEMBERED_IDS) seen.delete(seen.values().next().value as string);
      const scopes = checkScopes(rawScopes);
      if (typeof scopes === 'string') return refuse(id, webViewRefusals.invalid, scopes);
      const refused = scopes.filter((scope) => !allowed.has(scope));
      if (refused.length > 0) {
        return refuse(
          id,
          webViewRefusals.scope,
          `H5 pages may not ask for ${refused.map((scope) => JSON.stringify(scope)).join(', ')} (allowed: ${[...allowed].join(', ')}).`,
        );
      }
      if (waiting) {
        return refuse(
          id,
          webViewRefusals.busy,
          'another request of this web-view is waiting for its consent sheet.',
        );
      }
      ask(id, scopes);
    },
  };
}
