import type { AuthCodeInput } from '@authcode/core';
import { useAuthCode } from '../../src/runes';

/**
 * A `.svelte.ts` module as an app writes one: it wraps the flow with runes of its own and hands
 * the result to components. Its fields are read without `$`.
 */
export function createSignIn(input?: AuthCodeInput) {
  const auth = useAuthCode(input);
  const label = $derived(auth.isLoading ? 'Waiting…' : auth.status === 'success' ? 'Signed in' : 'Sign in');
  return {
    auth,
    get label() {
      return label;
    },
  };
}
