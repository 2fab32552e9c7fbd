import { authCodeMachine, createCommands, isServerRuntime, type AuthCodeInput } from '@authcode/core';
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
 * so neither the host nor the global `my` is touched; nor is it outside a component on a server,
 * where a module-level flow would be one actor for every user (development builds warn).
 */
export function useAuthCode<TSession = never>(input?: AuthCodeInput<TSession>): UseAuthCodeReturn<TSession> {
  const actorRef = createActor(authCodeMachine, { input });
  const [refs, update] = createViewRefs<TSession>(actorRef);
  const scope = getCurrentScope();

  if (isServerRendering()) {
    // Server rendering: the flow stays idle, so neither the host nor the global `my` is touched.
  } else if (!scope && isServerRuntime()) {
    // A module on a server serves every user: started there, this flow would be one actor for all.
    if (typeof process === 'object' && process.env.NODE_ENV !== 'production') {
      // eslint-disable-next-line no-console -- development-only warning about a shared actor; never prints a code
      console.warn(
        '[@authcode/vue] useAuthCode() was called outside a component on a server, where a module serves every user: ' +
          'this flow is not started there. Call it in setup() and share it with provideAuthCode() ' +
          '(docs/recipes/server-rendering.md, "One flow per user, never per server").',
      );
    }
  } else {
    // No unsubscribe needed: a stopped actor drops its queued events and notifies no one.
    actorRef.subscribe(update);
    actorRef.start();
    if (scope) {
      onScopeDispose(() => actorRef.stop());
    } else if (typeof process === 'object' && process.env.NODE_ENV !== 'production') {
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
