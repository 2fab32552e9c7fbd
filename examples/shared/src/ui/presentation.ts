import type { AuthCodeStatus } from '@authcode/core';
import { describeError } from '@authcode/core/catalogue';

const statusTexts: Record<AuthCodeStatus, string> = {
  idle: 'Choose scopes, then press Authorize.',
  consenting: 'Waiting for the super app to answer…',
  exchanging: 'Exchanging the code on the server…',
  // The result card below names the outcome; the status line only points to it.
  success: 'Done: see the result below.',
  failed: 'Not authorized: see why below.',
};

/** What the status line says, for sighted users and screen readers alike. */
export function describeStatus(status: AuthCodeStatus): string {
  return statusTexts[status];
}

export interface ScopeCodeRow {
  scope: string;
  code: string;
  /** The catalogue's message for the code, such as "Scope not granted". */
  meaning: string;
}

/** Denied scopes with their host codes, in the host's order. */
export function listScopeCodes(codes: Readonly<Record<string, string>> | undefined): ScopeCodeRow[] {
  return Object.entries(codes ?? {}).map(([scope, code]) => ({
    scope,
    code,
    meaning: describeError(code).message,
  }));
}

/** Shown in place of an error's code when it has none, in plain text so it never reads as a code. */
export const NO_ERROR_CODE_TEXT = 'No code from the host';

/**
 * Whether Authorize is the page's primary action. After a failure it is not: the result card's Retry
 * is, or nothing is when asking again will not help.
 */
export function isAuthorizePrimary(status: AuthCodeStatus): boolean {
  return status !== 'failed';
}
