import {
  authCodeMachine,
  createCommands,
  toView,
  viewEquals,
  type AuthCodeActorRef,
  type AuthCodeCommands,
  type AuthCodeInput,
  type AuthCodeView,
  type HasExchange,
} from '@authcode/core';
import { createSubscriber } from 'svelte/reactivity';
import { createActor } from 'xstate';
import { startOwnedFlow } from './lifecycle';

/**
 * What `useAuthCode` returns: every field of the flow's view as a reactive property (read
 * `auth.status`, no `$`), with the flow's commands and actor beside them. A union by `status`, like
 * the view: `auth.status === 'success'` makes `auth.authCode` a `string` in a flow without
 * `exchange` (`auth.session` the session in one with it), and `auth.status === 'failed'` makes
 * `auth.error` an `AuthCodeError`.
 */
export type UseAuthCodeResult<
  TSession = unknown,
  TExchange extends boolean = HasExchange<TSession>,
> = Readonly<AuthCodeView<TSession, TExchange>> &
  AuthCodeCommands<TSession, TExchange> & {
    /** The flow's actor, for inspection. */
    readonly actorRef: AuthCodeActorRef;
    /** Stops the flow for good. Only needed when it was created outside a component's initialisation. */
    destroy(): void;
  };

/**
 * Runs one getAuthCode flow with Svelte 5 runes: each field of the result (`status`, `authCode`,
 * `grantedScopes`, `error`, `isLoading`, ...) is a getter that templates, `$derived` and `$effect`
 * track, in a component or a `.svelte.ts` module; `request`, `cancel`, `retry` and `reset` are the
 * same commands as every adapter's.
 *
 * The input is read once, here, like XState's `useMachine`: a flow's host, exchange and timeouts
 * belong to its actor. Pass other scopes to `request(scopes)`, or wrap the component in `{#key}`
 * to start over with a new input.
 *
 * Called while a component initialises (directly or from a `.svelte.ts` function it calls), the
 * flow stops when that component is destroyed; called anywhere else (module level, an event
 * handler, `$effect.root`), call `destroy()` when done. Nothing touches the host (or the global
 * `my`) until `request()`, so server rendering has no side effects.
 */
export function useAuthCode<TSession = never>(input?: AuthCodeInput<TSession>): UseAuthCodeResult<TSession> {
  const actorRef = createActor(authCodeMachine, { input });

  let view = toView<TSession>(actorRef.getSnapshot());
  let update: (() => void) | undefined;
  // Always current, read or not: a handler reading `auth.status` outside an effect sees the latest
  // view. A stopped actor notifies no one, so this subscription needs no unsubscribe.
  actorRef.subscribe((snapshot) => {
    const next = toView<TSession>(snapshot);
    if (viewEquals(view, next)) return;
    view = next;
    update?.();
  });
  // Reruns the effects and deriveds that read a field, while any does (a no-op on the server).
  const track = createSubscriber((rerun) => {
    update = rerun;
    return () => (update = undefined);
  });

  startOwnedFlow(actorRef, 'useAuthCode');

  const result = {
    ...createCommands<TSession>(actorRef),
    destroy() {
      actorRef.stop();
    },
    actorRef,
  };
  // One getter per field of the view, so the result follows AuthCodeView as it grows.
  for (const key of Object.keys(view) as (keyof AuthCodeView)[]) {
    Object.defineProperty(result, key, {
      enumerable: true,
      get: () => {
        track();
        return view[key];
      },
    });
  }
  // The view's fields are the getters just defined.
  return result as unknown as UseAuthCodeResult<TSession>;
}
