import {
  authCodeMachine,
  createCommands,
  toView,
  viewEquals,
  type AuthCodeActorRef,
  type AuthCodeCommands,
  type AuthCodeInput,
  type AuthCodeSnapshot,
  type AuthCodeView,
  type HasExchange,
} from '@authcode/core';
import { readable, type Readable } from 'svelte/store';
import { createActor } from 'xstate';
import { startOwnedFlow } from './lifecycle';

/**
 * A readable store of the flow's view (`$auth` in a component), with the flow's commands beside it.
 * The view narrows by `status`: `$auth.status === 'success'` makes `$auth.authCode` a `string` in a
 * flow without `exchange` (`$auth.session` the session in one with it).
 */
export interface AuthCodeStore<TSession = unknown, TExchange extends boolean = HasExchange<TSession>>
  extends Readable<AuthCodeView<TSession, TExchange>>, AuthCodeCommands<TSession, TExchange> {
  /** Stops the flow for good. Only needed when the store was created outside a component. */
  destroy(): void;
  /** The flow's actor, for inspection. */
  actorRef: AuthCodeActorRef;
}

/**
 * Creates one getAuthCode flow as a Svelte store. The input is read once, here, like XState's
 * `useMachine`: later changes to it are not seen.
 *
 * Called while a component initialises, the flow stops when that component is destroyed; called
 * anywhere else (a module, an event handler), call `destroy()` when done. Nothing touches the host
 * (or the global `my`) until `request()`, so server rendering has no side effects: call `request()`
 * from an event handler or `onMount`, never from the top of a component's script.
 */
export function createAuthCode<TSession = never>(input?: AuthCodeInput<TSession>): AuthCodeStore<TSession> {
  const actorRef = createActor(authCodeMachine, { input });

  let current = toView<TSession>(actorRef.getSnapshot());
  const view = readable(current, (set) => {
    // Compare before `set`: a store sets every new object, and an event that changes nothing
    // visible must not update the component.
    const onSnapshot = (snapshot: AuthCodeSnapshot) => {
      const next = toView<TSession>(snapshot);
      if (viewEquals(current, next)) return;
      current = next;
      set(next);
    };
    // Catch up with what happened while nobody subscribed.
    onSnapshot(actorRef.getSnapshot());
    const subscription = actorRef.subscribe(onSnapshot);
    return () => subscription.unsubscribe();
  });

  startOwnedFlow(actorRef, 'createAuthCode');

  return {
    subscribe: view.subscribe,
    ...createCommands<TSession>(actorRef),
    destroy() {
      actorRef.stop();
    },
    actorRef,
  };
}
