import { own } from '../own.js';

/** How a host error code is to be read. */
export type ErrorClass = 'unknown' | 'configuration' | 'transient' | 'declined' | 'account' | 'scope';

/** The per-scope code used when a host's answer neither grants nor denies a requested scope. */
export const UNREPORTED_SCOPE_CODE = 'unreported';

/**
 * The class of every host code the flow knows: what it needs at run time. What each code means lives
 * in `errorCatalogue` (`@authcode/core/catalogue`), so apps that never show it do not ship it.
 */
export const hostErrorClasses: Readonly<Record<string, ErrorClass>> = {
  '3': 'unknown',
  '4': 'configuration',
  '10': 'transient',
  '11': 'declined',
  '12': 'transient',
  '13': 'transient',
  '14': 'transient',
  '15': 'transient',
  '101': 'account',
  '1000': 'unknown',
  '1001': 'declined',
  '1005': 'transient',
  '40006': 'scope',
  '10001': 'scope',
  [UNREPORTED_SCOPE_CODE]: 'scope',
};

/** The host's own wording of each code: what the catalogue shows, and development builds' messages. */
export const hostWordings: Readonly<Record<string, string>> = {
  '3': 'Unknown error',
  '4': 'No permission to call getAuthCode',
  '10': 'Empty auth code',
  '11': 'Unauthorized to get user info',
  '12': 'Network error',
  '13': 'Authorization timeout',
  '14': 'User authorization timeout',
  '15': 'System error',
  '101': 'User has no eKYC',
  '1000': 'Unknown error',
  '1001': 'User cancelled the operation',
  '1005': 'System error',
  '40006': 'Scope not granted',
  '10001': 'Scope not granted',
  // UNREPORTED_SCOPE_CODE, spelt out: a computed key would keep this table in production bundles.
  unreported: 'Scope not reported',
};

// Bundlers replace `process.env.NODE_ENV`: production bundles fold this to `{}`, drop `hostWordings`
// unless the catalogue is imported, and say `Host error 11: declined` instead.
const hostMessages: Readonly<Record<string, string>> =
  typeof process === 'object' && process.env.NODE_ENV !== 'production' ? hostWordings : {};

// Configuration and account problems do not go away by asking again.
const lastingClasses: readonly ErrorClass[] = ['configuration', 'account'];

export interface ErrorClassification {
  code: string;
  /** The host's wording in development builds, `Host error <code>: <class>` in production; `Host error <code>` for a code outside the catalogue. */
  message: string;
  class: ErrorClass;
  /** Whether asking again may succeed. */
  retryable: boolean;
  /** False for a code outside the catalogue. */
  known: boolean;
}

/** Reads a host code (number or string); a code outside the catalogue reads as unknown. */
export function classifyError(code: string | number): ErrorClassification {
  const key = String(code);
  const known = own(hostErrorClasses, key);
  const errorClass = known ?? 'unknown';
  return {
    code: key,
    message: own(hostMessages, key) ?? `Host error ${key}${known ? `: ${known}` : ''}`,
    class: errorClass,
    retryable: !lastingClasses.includes(errorClass),
    known: !!known,
  };
}
