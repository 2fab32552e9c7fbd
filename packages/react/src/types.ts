import type { AuthCodeActorRef, AuthCodeView, Scope } from '@authcode/core';

/** What a component can do with its flow. Every method is referentially stable. */
export interface AuthCodeActions<TSession = unknown> {
  /**
   * Starts a flow, or joins the one that is running (one consent sheet at a time), and resolves
   * with its settled view: `success`, `failed`, or `idle` after a cancel. Never rejects.
   */
  request(scopes?: readonly Scope[], required?: readonly Scope[]): Promise<AuthCodeView<TSession>>;
  /** Stops waiting for the host (or the exchange) and returns to `idle`. */
  cancel(): void;
  /** Asks again with the same request after a retryable failure. */
  retry(): void;
  /** Forgets the current flow from any state. */
  reset(): void;
  /** The flow's actor, for `useAuthCodeSelector(actorRef, ...)`, a provider, or the inspector. */
  actorRef: AuthCodeActorRef;
}

/** The view of the flow with its actions, side by side. */
export type UseAuthCodeResult<TSession = unknown> = AuthCodeView<TSession> & AuthCodeActions<TSession>;
