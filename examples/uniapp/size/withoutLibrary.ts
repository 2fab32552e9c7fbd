import { shallowRef } from 'vue';

/**
 * The size baseline: what the page imports from `@authcode/vue` and `@authcode/core`, with none of
 * the library (no machine, no xstate). `vite.config.ts` aliases both packages here in
 * `--mode size-baseline`, so the same page builds without the library and the difference is its cost.
 */
export function useAuthCode(_input?: unknown) {
  const status = shallowRef('idle');
  const authCode = shallowRef<string | undefined>(undefined);
  const error = shallowRef<{ kind: string } | undefined>(undefined);
  return {
    status,
    authCode,
    error,
    request: () => {
      status.value = 'consenting';
      return Promise.resolve();
    },
    cancel: () => {
      status.value = 'idle';
    },
  };
}

export function maskAuthCode(authCode: string): string {
  return authCode.slice(0, 4);
}
