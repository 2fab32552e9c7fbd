import type { AuthCodeView } from '@authcode/core';
import type { AuthCodeRefs } from '../src/index';

/** Reads every field ref: inside a render function this subscribes the component to all of them. */
export function readView(refs: AuthCodeRefs<unknown, boolean>): AuthCodeView {
  // The fields read one by one, which TypeScript cannot see as one status's view.
  return {
    status: refs.status.value,
    isLoading: refs.isLoading.value,
    scopes: refs.scopes.value,
    requiredScopes: refs.requiredScopes.value,
    authCode: refs.authCode.value,
    grantedScopes: refs.grantedScopes.value,
    deniedScopes: refs.deniedScopes.value,
    session: refs.session.value,
    error: refs.error.value,
  } as AuthCodeView;
}
