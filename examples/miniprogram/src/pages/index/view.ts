import { maskAuthCode, toView, type AuthCodeSnapshot } from '@authcode/core';

/** What the page renders: plain data for setData, with the code masked (it is a credential). */
export interface PageView {
  status: string;
  isLoading: boolean;
  code: string;
  grantedScopes: string[];
  deniedScopes: Record<string, string>;
  errorKind: string;
  errorMessage: string;
}

export function renderView(snapshot: AuthCodeSnapshot): PageView {
  const view = toView(snapshot);
  return {
    status: view.status,
    isLoading: view.isLoading,
    code: view.authCode === undefined ? '' : maskAuthCode(view.authCode),
    grantedScopes: view.grantedScopes,
    deniedScopes: view.deniedScopes,
    errorKind: view.error?.kind ?? '',
    errorMessage: view.error?.message ?? '',
  };
}
