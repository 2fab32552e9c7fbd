import { createExchange, type AuthCodeExchange } from '@authcode/core/exchange';
import {
  createSessionExchange,
  signOut as deleteSession,
  type FetchLike,
  type MerchantSession,
  type SessionExchange,
} from './merchantSession';

export interface MerchantSessionState {
  /** Who the merchant server says is signed in: from the page's first GET, then each sign-in. */
  readonly session: MerchantSession | undefined;
  readonly signingOut: boolean;
  /** Why the last sign-out failed; the session is then still live. */
  readonly signOutError: string | undefined;
}

/**
 * The page's view of its merchant session, framework-free: each example renders `getState()` and
 * passes `exchange` as its flow's `exchange`, so a sign-in updates what is shown.
 */
export interface MerchantSessionStore {
  getState(): MerchantSessionState;
  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  /** `createSessionExchange()` that also records the session the server answered. */
  readonly signIn: SessionExchange;
  /** `signIn` as a flow's `exchange`. */
  readonly exchange: AuthCodeExchange<MerchantSession>;
  /** DELETE, then `afterSignOut` (the page resets its flow); on failure the session stays shown. */
  signOut(afterSignOut?: () => void): Promise<void>;
}

export function createMerchantSessionStore(
  initialSession: MerchantSession | undefined,
  fetchImpl?: FetchLike,
): MerchantSessionStore {
  let state: MerchantSessionState = { session: initialSession, signingOut: false, signOutError: undefined };
  const listeners = new Set<() => void>();
  const setState = (next: Partial<MerchantSessionState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const exchangeOnServer = createSessionExchange(fetchImpl);
  const signIn: SessionExchange = async (grant, context) => {
    const session = await exchangeOnServer(grant, context);
    setState({ session, signOutError: undefined });
    return session;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn,
    exchange: createExchange(signIn),
    async signOut(afterSignOut) {
      if (state.signingOut) return;
      setState({ signingOut: true, signOutError: undefined });
      try {
        await deleteSession(fetchImpl);
      } catch (error) {
        setState({
          signingOut: false,
          signOutError: error instanceof Error ? error.message : 'Signing out failed.',
        });
        return;
      }
      setState({ session: undefined, signingOut: false });
      afterSignOut?.();
    },
  };
}
