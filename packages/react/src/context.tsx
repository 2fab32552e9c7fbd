import { authCodeMachine, type AuthCodeActorRef, type AuthCodeInput } from '@authcode/core';
import { useActorRef } from '@xstate/react';
import { createContext, useContext, type ReactNode } from 'react';
import type { UseAuthCodeResult } from './types';
import { useAuthCodeActor } from './useAuthCodeActor';

const AuthCodeContext = createContext<AuthCodeActorRef | null>(null);

export type AuthCodeProviderProps = { children?: ReactNode } & (
  | {
      /** Read once, when the provider mounts (see `useAuthCode`). */
      input?: AuthCodeInput<unknown>;
      actorRef?: undefined;
    }
  | {
      /** A flow actor you started and stop yourself, for example `useAuthCode().actorRef`. */
      actorRef: AuthCodeActorRef;
      input?: undefined;
    }
);

/**
 * Shares one flow with every component below it. With `input` (or nothing) the provider owns its
 * flow: it starts on mount and stops on unmount. With `actorRef` it shares an existing flow and
 * leaves starting and stopping it to its owner. Pick one for the provider's life: switching between
 * them remounts its children.
 */
export function AuthCodeProvider({ actorRef, input, children }: AuthCodeProviderProps) {
  return actorRef ? (
    <AuthCodeContext.Provider value={actorRef}>{children}</AuthCodeContext.Provider>
  ) : (
    <OwnedFlowProvider input={input}>{children}</OwnedFlowProvider>
  );
}

function OwnedFlowProvider({ input, children }: { input?: AuthCodeInput<unknown>; children?: ReactNode }) {
  const actorRef = useActorRef(authCodeMachine, { input });
  return <AuthCodeContext.Provider value={actorRef}>{children}</AuthCodeContext.Provider>;
}

/**
 * The actor a hook was given, else the provider's; throws a message that names the provider when
 * there is neither.
 */
export function useProvidedActorRef(hookName: string, given?: AuthCodeActorRef): AuthCodeActorRef {
  const provided = useContext(AuthCodeContext);
  const actorRef = given ?? provided;
  if (!actorRef) {
    throw new Error(
      typeof process === 'object' && process.env.NODE_ENV !== 'production'
        ? `[@authcode/react] ${hookName}() must be used inside an <AuthCodeProvider>: wrap a parent in <AuthCodeProvider>, or call useAuthCode() for a flow of this component's own.`
        : `${hookName}() needs an <AuthCodeProvider>`,
    );
  }
  return actorRef;
}

/**
 * The flow of the nearest `<AuthCodeProvider>`: its view and actions, as `useAuthCode` returns
 * them. Throws when there is no provider. `TSession` is what the provider's `exchange` resolves with.
 */
export function useAuthCodeContext<TSession = unknown>(): UseAuthCodeResult<TSession> {
  return useAuthCodeActor<TSession>(useProvidedActorRef('useAuthCodeContext'));
}
