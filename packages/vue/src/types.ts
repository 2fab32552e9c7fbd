import type { AuthCodeActorRef, AuthCodeCommands, AuthCodeView, HasExchange } from '@authcode/core';
import type { Ref } from 'vue';

/** Each field of this flow's view, with its type across every status (what one field's ref holds). */
interface AuthCodeViewFields<TSession, TExchange extends boolean> extends Omit<
  AuthCodeView,
  'authCode' | 'session'
> {
  authCode: (TExchange extends false ? string : never) | undefined;
  session: (TExchange extends true ? TSession : never) | undefined;
}

/** Every field of `AuthCodeView` as a readonly ref that triggers only when that field changes. */
export type AuthCodeRefs<TSession = unknown, TExchange extends boolean = HasExchange<TSession>> = {
  readonly [K in keyof AuthCodeView]: Readonly<Ref<AuthCodeViewFields<TSession, TExchange>[K]>>;
};

/**
 * What `useAuthCode` returns: the view as refs, the whole view as one ref (`view`, which narrows by
 * `status`), the flow's commands and its actor. During server rendering `request()` resolves at
 * once with the idle view and never calls the host.
 */
export interface UseAuthCodeReturn<TSession = unknown, TExchange extends boolean = HasExchange<TSession>>
  extends AuthCodeRefs<TSession, TExchange>, AuthCodeCommands<TSession, TExchange> {
  /**
   * The whole view as one readonly ref: the same values as the field refs, in one object that
   * narrows by `status` where separate refs cannot (`view.value.status === 'success'` makes
   * `view.value.authCode` a `string` without `exchange`). It changes only when a field does.
   */
  readonly view: Readonly<Ref<AuthCodeView<TSession, TExchange>>>;
  /** The running actor, for inspection or `actorRef.stop()` outside a scope. */
  readonly actorRef: AuthCodeActorRef;
}
