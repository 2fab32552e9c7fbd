/**
 * A scriptable `my`, modelled on the hosts' documented behaviour (shared/reference/hosts.md):
 * `getAuthCode` shows a sheet and answers later, once, through `success` or `fail`, then `complete`.
 * A test answers each call; the payload shapes are the hosts' own.
 */
import { createGetRandomValues } from './fakeRandom.ts';
import { createRequest, type RequestCall } from './fakeRequest.ts';
import { createWebViewContexts } from './fakeWebView.ts';

export interface GrantOptions {
  /** Default: a 26-character code in the style of Alipay+ codes. */
  authCode?: string;
  /** Per-scope codes of the scopes not granted (a partial grant): they leave `authSuccessScopes`. */
  denied?: Record<string, string>;
}

export interface AuthCall {
  /** The `scopes` option as the page passed it (a copy). */
  readonly scopes: unknown;
  /** Whether the host has answered this call. */
  readonly answered: boolean;
  /** The sheet's grant: `success({ authCode, authSuccessScopes, authErrorScopes })`, then `complete`. */
  grant(options?: GrantOptions): string;
  /** `fail({ error: 11, errorMessage })`, then `complete`: the user closed the sheet. */
  decline(): void;
  /** `fail({ authErrorScopes })`, then `complete`: per-scope failures such as `{ USER_LOGIN_ID: '40006' }`. */
  denyScopes(scopes: Record<string, string>): void;
  /** `fail(payload)`, then `complete`, with any payload (`{ error: 10 }`, `{}`, …). */
  fail(payload: unknown): void;
  /** `success(payload)`, then `complete`, with any payload. */
  succeed(payload: unknown): void;
}

export interface ApiCall {
  api: string;
  args: unknown[];
}

export interface FakeMyOptions {
  /** Called for each getAuthCode call, e.g. to answer at once. Default: the call waits for the test. */
  onAuthCall?: (call: AuthCall) => void;
  /** More members of `my`, or replacements of the defaults. */
  extra?: Record<string, unknown>;
  /**
   * Where `my.request` may go: an https origin the page calls → the base URL of a real server that
   * answers it (on loopback in the tests), e.g. `{ 'https://merchant.example.com': server.url }`.
   * A request to an origin not listed fails with error 11 and never leaves the process.
   */
  routes?: Record<string, string>;
  /** The `User-Agent` my.request sends. Default `Mozilla/5.0 AlipayClient/10.5.0`. */
  userAgent?: string;
}

export interface FakeMy {
  /** The object the logic layer's code sees as `my`. */
  readonly my: Record<string, unknown>;
  /** Every getAuthCode call, oldest first. */
  readonly authCalls: readonly AuthCall[];
  /** Every call of a `my` API, oldest first (getAuthCode included). */
  readonly apiCalls: readonly ApiCall[];
  /** Names of `my` members that code read and the fake does not have: what a framework would need next. */
  readonly missing: ReadonlySet<string>;
  /** The latest getAuthCode call; throws when there is none. */
  lastAuthCall(): AuthCall;
  /** The bytes of each `my.getRandomValues` answer, oldest first (copies). */
  readonly randomValuesGiven: readonly Uint8Array[];
  /** What the page posted through `my.createWebViewContext(id).postMessage`, oldest first (plain copies). */
  webViewMessages(id: string): readonly unknown[];
  /** Every `my.request` call, oldest first: what the page asked, what went out, what came back. */
  readonly requests: readonly RequestCall[];
  /** The latest my.request call; throws when there is none. */
  lastRequest(): RequestCall;
}

/** What the fake host needs from the logic layer it serves. */
export interface FakeMyLayer {
  /** Reports what a page callback threw, as the engine would. */
  onError(error: unknown): void;
  /** Turns a payload into an object of the logic layer's realm, as the engine's own bridge would. */
  toLayer(value: unknown): unknown;
  /** The bytes as an ArrayBuffer of the logic layer's realm. */
  bytesToLayer(bytes: Uint8Array): ArrayBuffer;
  /** Runs `callback` as a later task of the layer, for APIs that answer asynchronously. */
  later(callback: () => void): void;
  /** Host work on real I/O (a request) that the layer's settle() and advance() wait for. */
  track(work: Promise<unknown>): void;
}

const codeAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let codeCounter = 0;

/** Distinct codes per call, made without Web Crypto (the fake must not need what the engine lacks). */
function nextAuthCode(): string {
  codeCounter += 1;
  let code = '';
  let seed = codeCounter * 2654435761;
  for (let index = 0; index < 26; index++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    code += codeAlphabet[seed % codeAlphabet.length];
  }
  return code;
}

type Callback = (payload: unknown) => void;

/** APIs of DingTalk's mini programs that Alipay lacks: `my.canIUse` answers false for them. */
const dingTalkOnly: ReadonlySet<string> = new Set(['saveFileToDingTalk']);

export const systemInfo = {
  app: 'alipay',
  platform: 'iOS',
  system: '16.0',
  version: '10.5.0',
  SDKVersion: '2.9.0',
  brand: 'harness',
  model: 'harness',
  language: 'en',
  pixelRatio: 2,
  windowWidth: 375,
  windowHeight: 667,
  screenWidth: 375,
  screenHeight: 812,
  statusBarHeight: 44,
  titleBarHeight: 44,
};

export function createFakeMy(layer: FakeMyLayer, options: FakeMyOptions = {}): FakeMy {
  const { onError, toLayer } = layer;
  const authCalls: AuthCall[] = [];
  const apiCalls: ApiCall[] = [];
  const missing = new Set<string>();
  const randomValuesGiven: Uint8Array[] = [];
  const requests: RequestCall[] = [];
  const webViews = createWebViewContexts();

  function deliver(callback: unknown, payload: unknown) {
    if (typeof callback !== 'function') return;
    try {
      (callback as Callback)(payload);
    } catch (error) {
      // A throwing callback is the page's bug; the engine reports it and goes on.
      onError(error);
    }
  }

  function getAuthCode(request: unknown) {
    const given = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
    let answered = false;
    const answer = (via: 'success' | 'fail', payload: unknown) => {
      if (answered) throw new Error('The harness answered this getAuthCode call twice; a host answers once.');
      answered = true;
      const inLayer = toLayer(payload);
      deliver(given[via], inLayer);
      deliver(given.complete, inLayer);
    };
    const call: AuthCall = {
      scopes: JSON.parse(JSON.stringify(given.scopes ?? null)) as unknown,
      get answered() {
        return answered;
      },
      grant({ authCode = nextAuthCode(), denied = {} } = {}) {
        const asked = Array.isArray(given.scopes)
          ? (given.scopes as unknown[]).map(String)
          : typeof given.scopes === 'string'
            ? [given.scopes]
            : ['auth_base'];
        answer('success', {
          authCode,
          authSuccessScopes: asked.filter((scope) => !(scope in denied)),
          authErrorScopes: { ...denied },
        });
        return authCode;
      },
      decline: () => answer('fail', { error: 11, errorMessage: 'Unauthorized to Get User Info' }),
      denyScopes: (scopes) => answer('fail', { authErrorScopes: { ...scopes } }),
      fail: (payload) => answer('fail', payload),
      succeed: (payload) => answer('success', payload),
    };
    authCalls.push(call);
    options.onAuthCall?.(call);
  }

  const selectorQuery = () => {
    const query = {
      select: () => query,
      selectAll: () => query,
      selectViewport: () => query,
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      exec: (callback?: unknown) => deliver(callback, toLayer([])),
    };
    return query;
  };

  const members: Record<string, (...args: unknown[]) => unknown> = {
    getAuthCode,
    getSystemInfoSync: () => toLayer(systemInfo),
    getSystemInfo: (request: unknown) => {
      const given = (request ?? {}) as Record<string, unknown>;
      const payload = toLayer(systemInfo);
      deliver(given.success, payload);
      deliver(given.complete, payload);
    },
    createSelectorQuery: selectorQuery,
    // Alipay has what the fake offers and more; DingTalk's own APIs it has not (uni-app asks, to tell them apart).
    canIUse: (name: unknown) => !dingTalkOnly.has(String(name)),
    getRandomValues: createGetRandomValues({ ...layer, deliver }, randomValuesGiven),
    createWebViewContext: webViews.createWebViewContext,
    request: createRequest({ ...layer, deliver }, options, requests),
  };

  const target: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(members)) {
    target[name] = (...args: unknown[]) => {
      apiCalls.push({ api: name, args });
      return fn(...args);
    };
  }
  Object.assign(target, options.extra);

  const my = new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'string' && !(key in object)) missing.add(key);
      return Reflect.get(object, key, receiver);
    },
  });

  return {
    my,
    authCalls,
    apiCalls,
    missing,
    lastAuthCall() {
      const call = authCalls.at(-1);
      if (!call) throw new Error('The page has not called my.getAuthCode.');
      return call;
    },
    randomValuesGiven,
    webViewMessages: webViews.messages,
    requests,
    lastRequest() {
      const call = requests.at(-1);
      if (!call) throw new Error('The page has not called my.request.');
      return call;
    },
  };
}
