import type { AuthCodeHost, GetAuthCodeSuccessResult } from '../packages/core/src/index.ts';

/** A placeholder, not a credential: the benchmark never prints what a flow returns. */
const benchCode = 'BENCH00000000000000000000';

/**
 * A host that grants every requested scope and calls `success` then `complete` before
 * `getAuthCode` returns, so a benchmark measures the flow's own work and no timer.
 */
export function createSyncHost(): AuthCodeHost {
  return {
    getAuthCode({ scopes, success, complete }) {
      const result: GetAuthCodeSuccessResult = { authCode: benchCode, authSuccessScopes: [...scopes] };
      success?.(result);
      complete?.(result);
    },
  };
}
