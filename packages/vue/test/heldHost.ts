import type { AuthCodeHost, GetAuthCodeOptions } from '@authcode/core';

/** A host that never answers by itself: the test answers each held call when it wants, late or never. */
export function createHeldHost(): AuthCodeHost & { held: GetAuthCodeOptions[]; grantAll(): void } {
  const held: GetAuthCodeOptions[] = [];
  return {
    held,
    getAuthCode(options) {
      held.push(options);
    },
    grantAll() {
      for (const options of held) {
        const result = { authCode: 'LATECODE0000', authSuccessScopes: options.scopes, authErrorScopes: {} };
        options.success?.(result);
        options.complete?.(result);
      }
    },
  };
}

/** Lets the host's timers and promise jobs run. */
export const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
