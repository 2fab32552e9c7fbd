import { shallowRef } from 'vue';

// Stand-in for @authcode/vue's useAuthCode, doing nothing: the size baseline of a page without the library.
// Here rather than in scripts/miniprograms/baseline because it needs this example's vue.
export function useAuthCode(input?: unknown) {
  return {
    status: shallowRef('idle'),
    isLoading: shallowRef(false),
    authCode: shallowRef<string | undefined>(undefined),
    session: shallowRef<{ userId: string } | undefined>(undefined),
    error: shallowRef<{ kind: string } | undefined>(undefined),
    request: async () => undefined,
    cancel: () => undefined,
    // The input is kept, as the real one keeps it: else the build drops the page's `exchange` from the
    // baseline (an unused argument), and its size would count as the library's.
    actorRef: shallowRef(input),
  };
}
