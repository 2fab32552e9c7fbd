import type { AuthCodeActorRef, AuthCodeCommands, AuthCodeView } from '@authcode/core';
import type { Ref } from 'vue';

/** Every field of `AuthCodeView` as a readonly ref that triggers only when that field changes. */
export type AuthCodeRefs<TSession = unknown> = {
  readonly [K in keyof AuthCodeView<TSession>]: Readonly<Ref<AuthCodeView<TSession>[K]>>;
};

/**
 * What `useAuthCode` returns: the view as refs, the flow's commands and its actor. During server
 * rendering `request()` resolves at once with the idle view and never calls the host.
 */
export interface UseAuthCodeReturn<TSession = unknown>
  extends AuthCodeRefs<TSession>, AuthCodeCommands<TSession> {
  /** The running actor, for inspection or `actorRef.stop()` outside a scope. */
  readonly actorRef: AuthCodeActorRef;
}
