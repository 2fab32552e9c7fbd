import type { AuthCodeActorRef, AuthCodeCommands, AuthCodeView, HasExchange } from '@authcode/core';

/** What a component can do with its flow. Every method is referentially stable. */
export interface AuthCodeActions<
  TSession = unknown,
  TExchange extends boolean = HasExchange<TSession>,
> extends AuthCodeCommands<TSession, TExchange> {
  /** The flow's actor, for `useAuthCodeSelector(actorRef, ...)`, a provider, or the inspector. */
  actorRef: AuthCodeActorRef;
}

/**
 * The view of the flow with its actions, side by side: a union by `status`, so checking it narrows
 * the view's fields (`authCode` in `success` without `exchange`, `session` with one, `error` in `failed`).
 */
export type UseAuthCodeResult<
  TSession = unknown,
  TExchange extends boolean = HasExchange<TSession>,
> = AuthCodeView<TSession, TExchange> & AuthCodeActions<TSession, TExchange>;
