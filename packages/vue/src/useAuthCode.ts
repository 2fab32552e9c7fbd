import { authCodeMachine, createCommands, toView, type AuthCodeInput } from '@authcode/core';
import { getCurrentScope, onScopeDispose } from 'vue';
import { createActor } from 'xstate';
import { isServerRendering } from './serverRendering';
import type { UseAuthCodeReturn } from './types';
import { createViewRefs } from './viewRefs';

/**
 * Runs one getAuthCode flow for the current component or `effectScope`, and returns its view as
 * readonly refs plus `request`, `cancel`, `retry`, `reset` and `actorRef`, and the whole view as one
 * readonly ref, `view`, which narrows by `status` (`view.value.status === 'success'` makes
 * `view.value.authCode` a `string` in a flow without `exchange`).
 *
 * The input is read once, when the composable is called (like XState's `useMachine`); later changes
 * to it are not seen. The actor starts at once and stops when the calling scope is disposed (the
 * component unmounts or `scope.stop()` runs). During server rendering the actor is never started,
 * so neither the host nor the global `my` is touched.
 */
export function useAuthCode<TSession = never>(input?: AuthCodeInput<TSession>): UseAuthCodeReturn<TSession> {
  const actorRef = createActor(authCodeMachine, { input });
  const { refs, update } = createViewRefs(toView<TSession>(actorRef.getSnapshot()));
  const serverRendering = isServerRendering();

  if (!serverRendering) {
    // No unsubscribe needed: a stopped actor drops its queued events and notifies no one.
    actorRef.subscribe((snapshot) => update(toView<TSession>(snapshot)));
    actorRef.start();
    if (getCurrentScope()) {
      onScopeDispose(() => actorRef.stop());
    } else if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
      // eslint-disable-next-line no-console -- development-only warning about a leaked actor; never prints a code
      console.warn(
        '[@authcode/vue] useAuthCode() was called outside a component setup() or an effectScope(), so its flow is never stopped for you. ' +
          'Call it inside setup() or effectScope().run(), or stop it yourself with actorRef.stop() when you are done.',
      );
    }
  }

  // On the server the actor never starts, so a request stays queued and resolves with the idle view.
  return { ...refs, ...createCommands<TSession>(actorRef), actorRef };
}
