import type { AuthCodeActorRef, AuthCodeCommands, AuthCodeView } from '@authcode/core';

/** What a component can do with its flow. Every method is referentially stable. */
export interface AuthCodeActions<TSession = unknown> extends AuthCodeCommands<TSession> {
  /** The flow's actor, for `useAuthCodeSelector(actorRef, ...)`, a provider, or the inspector. */
  actorRef: AuthCodeActorRef;
}

/** The view of the flow with its actions, side by side. */
export type UseAuthCodeResult<TSession = unknown> = AuthCodeView<TSession> & AuthCodeActions<TSession>;
