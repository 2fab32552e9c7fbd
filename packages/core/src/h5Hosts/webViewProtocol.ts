/**
 * The messages an H5 page in a `<web-view>` and its mini-program page exchange. Both sides check
 * `type`, so the page's other messages pass by untouched.
 */
export const REQUEST_TYPE = '@authcode/request';
export const ANSWER_TYPE = '@authcode/answer';

/** The H5 page asks the mini-program page for a code. */
export interface WebViewRequest {
  type: typeof REQUEST_TYPE;
  id: string;
  scopes: string[];
  /** The secret the mini-program page put in the web-view's `src` (see `responder.src`). */
  secret: string;
}

/** The mini-program page's first answer to one request; `id` is null when the request had none. */
export interface WebViewAnswer {
  type: typeof ANSWER_TYPE;
  id: string | null;
  via: 'success' | 'fail';
  payload: unknown;
}

/**
 * The `error` of a fail answer the mini-program page gives without a consent sheet; its
 * `errorMessage` says what was wrong. None of these answers carries a code.
 */
export const webViewRefusals = {
  /** No id, scopes that are not a list of names, or a message too large to be a request. */
  invalid: 'invalid-request',
  /** No secret, a wrong one, or a page outside `origins`: not the page the mini program opened. */
  untrusted: 'untrusted-page',
  /** A scope the mini-program page does not let H5 pages ask for. */
  scope: 'scope-not-allowed',
  /** A request of this web-view is already waiting for its consent sheet. */
  busy: 'busy',
  /** The host did not answer within the responder's `timeoutMs`. */
  timeout: 'host-timeout',
  /** The mini-program page's host threw, or there is none. */
  hostThrew: 'host-threw',
} as const;

/** The code a malformed request is answered with; its `errorMessage` says what was wrong. */
export const INVALID_WEB_VIEW_REQUEST = webViewRefusals.invalid;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a message of the given type; false for anything else, including values that throw. */
export function hasType(message: unknown, type: string): message is Record<string, unknown> {
  try {
    return isRecord(message) && message.type === type;
  } catch {
    return false;
  }
}
