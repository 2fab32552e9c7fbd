import type { AuthCodeActorRef, AuthCodeView, Scope } from '@authcode/core';
import type { Ref } from 'vue';

/** Every field of `AuthCodeView` as a readonly ref that triggers only when that field changes. */
export type AuthCodeRefs<TSession = unknown> = {
  readonly [K in keyof AuthCodeView<TSession>]: Readonly<Ref<AuthCodeView<TSession>[K]>>;
};

/** What `useAuthCode` returns: the view as refs, the flow's commands and its actor. */
export interface UseAuthCodeReturn<TSession = unknown> extends AuthCodeRefs<TSession> {
  /**
   * Starts a flow, or joins the running one, and resolves with its settled view (`success`,
   * `failed`, or `idle` after a cancel). Never rejects. During server rendering it resolves at
   * once with the idle view and never calls the host.
   */
  request(scopes?: readonly Scope[], required?: readonly Scope[]): Promise<AuthCodeView<TSession>>;
  /** Abandons the consent sheet or the exchange; the flow goes back to `idle`. */
  cancel(): void;
  /** Asks again after a retryable failure, with the same scopes. */
  retry(): void;
  /** Forgets the current flow from any state. */
  reset(): void;
  /** The running actor, for inspection or `actorRef.stop()` outside a scope. */
  readonly actorRef: AuthCodeActorRef;
}
