import { shallowRef } from 'vue';

// Stand-in for @authcode/vue's useAuthCode, doing nothing: the size baseline of a page without the library.
// Here rather than in scripts/miniprograms/baseline because it needs this example's vue.
export function useAuthCode(_input?: unknown) {
  return {
    status: shallowRef('idle'),
    authCode: shallowRef<string | undefined>(undefined),
    error: shallowRef<{ kind: string } | undefined>(undefined),
    request: async () => undefined,
    cancel: () => undefined,
  };
}
