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
}

/** The mini-program page's first answer to one request; `id` is null when the request had none. */
export interface WebViewAnswer {
  type: typeof ANSWER_TYPE;
  id: string | null;
  via: 'success' | 'fail';
  payload: unknown;
}

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
