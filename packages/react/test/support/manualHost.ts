import type { AuthCodeHost, GetAuthCodeOptions } from '@authcode/core';

/** A host that answers only when the test says so, keeping every call's callbacks. */
export interface ManualHost extends AuthCodeHost {
  /** Every call's options (scopes and callbacks), oldest first. */
  readonly calls: readonly GetAuthCodeOptions[];
  /** Answers one call with a full grant of its scopes, as the Alipay+ hosts do. */
  grant(call: GetAuthCodeOptions, authCode?: string): void;
}

export function createManualHost(): ManualHost {
  const calls: GetAuthCodeOptions[] = [];
  return {
    calls,
    getAuthCode(options) {
      calls.push(options);
    },
    grant(call, authCode = 'MANUAL-CODE-0001') {
      const result = { authCode, authSuccessScopes: [...call.scopes], authErrorScopes: {} };
      call.success?.(result);
      call.complete?.(result);
    },
  };
}
