import { maskAuthCode, toView, type AuthCodeSnapshot } from '@authcode/core';
import { sessionErrorCode, type Session } from './signIn';

/** What the page renders: plain data for setData, with the code masked (it is a credential). */
export interface PageView {
  status: string;
  isLoading: boolean;
  /** The masked code; empty once the flow exchanged it (the flow then holds the session, not the code). */
  code: string;
  grantedScopes: string[];
  deniedScopes: Record<string, string>;
  /** "Signed in as <userId>", from the server's answer. */
  signedIn: string;
  errorKind: string;
  errorMessage: string;
  /** The server's error code when the exchange failed (`code-used`, …). */
  errorCode: string;
}

export function renderView(snapshot: AuthCodeSnapshot): PageView {
  const view = toView<Session>(snapshot);
  return {
    status: view.status,
    isLoading: view.isLoading,
    code: view.authCode === undefined ? '' : maskAuthCode(view.authCode),
    grantedScopes: view.grantedScopes,
    deniedScopes: view.deniedScopes,
    signedIn: view.session ? `Signed in as ${view.session.userId}` : '',
    errorKind: view.error?.kind ?? '',
    errorMessage: view.error?.message ?? '',
    errorCode: sessionErrorCode(view.error) ?? '',
  };
}
