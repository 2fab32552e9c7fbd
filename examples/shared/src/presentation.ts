import type { AuthCodeError, AuthCodeStatus } from '@authcode/core';
import { describeError } from '@authcode/core/catalogue';

const statusTexts: Record<AuthCodeStatus, string> = {
  idle: 'Choose scopes, then press Authorize.',
  consenting: 'Waiting for the super app to answer…',
  exchanging: 'Exchanging the code on the server…',
  success: 'Authorized.',
  failed: 'Authorization failed.',
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

/** The error's code for display; some kinds (timeout, invalid request) have none. */
export function errorCodeText(error: AuthCodeError): string {
  return error.code ?? 'none';
}
