import { own } from './own.js';

/** How a host error code is to be read. */
export type ErrorClass = 'unknown' | 'configuration' | 'transient' | 'declined' | 'account' | 'scope';

/** The per-scope code used when a host's answer neither grants nor denies a requested scope. */
export const UNREPORTED_SCOPE_CODE = 'unreported';

/**
 * What the flow needs at run time to read a host code: a message and a class. The documentation of
 * each code lives in `errorCatalogue`, so apps that never show it do not ship it.
 */
export const hostErrorCodes: Readonly<Record<string, readonly [message: string, errorClass: ErrorClass]>> = {
  '3': ['Unknown error', 'unknown'],
  '4': ['No permission to call getAuthCode', 'configuration'],
  '10': ['Empty auth code', 'transient'],
  '11': ['Unauthorized to get user info', 'declined'],
  '12': ['Network error', 'transient'],
  '13': ['Authorization timeout', 'transient'],
  '14': ['User authorization timeout', 'transient'],
  '15': ['System error', 'transient'],
  '101': ['User has no eKYC', 'account'],
  '1000': ['Unknown error', 'unknown'],
  '1001': ['User cancelled the operation', 'declined'],
  '1005': ['System error', 'transient'],
  '40006': ['Scope not granted', 'scope'],
  '10001': ['Scope not granted', 'scope'],
  [UNREPORTED_SCOPE_CODE]: ['Scope not reported', 'scope'],
};

// Configuration and account problems do not go away by asking again.
const lastingClasses: readonly ErrorClass[] = ['configuration', 'account'];

export interface ErrorClassification {
  code: string;
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
  const entry = own(hostErrorCodes, key);
  const [message, errorClass] = entry ?? [`Host error ${key}`, 'unknown'];
  return {
    code: key,
    message,
    class: errorClass,
    retryable: !lastingClasses.includes(errorClass),
    known: !!entry,
  };
}
