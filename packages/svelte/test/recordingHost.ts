import type { AuthCodeHost, GetAuthCodeOptions } from '@authcode/core';

/** A host whose consent sheet stays open: it keeps every call so a test can answer late, or never. */
export function createRecordingHost(): AuthCodeHost & { calls: GetAuthCodeOptions[] } {
  const calls: GetAuthCodeOptions[] = [];
  return {
    calls,
    getAuthCode(options) {
      calls.push(options);
    },
  };
}

/** Answers a recorded call the way a host does when the user finally grants: `success`, then `complete`. */
export function grantLate(call: GetAuthCodeOptions): void {
  const result = { authCode: 'LATE-CODE', authSuccessScopes: call.scopes, authErrorScopes: {} };
  call.success?.(result);
  call.complete?.(result);
}
