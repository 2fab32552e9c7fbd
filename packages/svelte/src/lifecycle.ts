import { isServerRuntime, type AuthCodeActorRef } from '@authcode/core';
import { onDestroy } from 'svelte';

/**
 * Runs `cleanup` when the component being initialised is destroyed; does nothing outside one.
 * `onDestroy` throws outside component initialisation (Svelte 4 and 5, client and server), which is
 * how a call from a plain module or an event handler is told apart from one in a component's script.
 * Returns whether there was a component.
 */
export function onComponentDestroy(cleanup: () => void): boolean {
  try {
    onDestroy(cleanup);
    return true;
  } catch {
    // Not in a component: the caller stops the flow with `destroy()`.
    return false;
  }
}

/**
 * Ties the flow to the component being initialised and starts it. Outside a component on a server
 * it is never started: a module there is loaded once for every request of every user, so a flow
 * created at its top level would be one actor shared by all of them. Unstarted, it stays idle and a
 * `request()` resolves with the idle view, without touching the host.
 */
export function startOwnedFlow(actorRef: AuthCodeActorRef, api: string): void {
  const inComponent = onComponentDestroy(() => actorRef.stop());
  if (inComponent || !isServerRuntime()) {
    // Idle does nothing when started: the host is only looked up by a REQUEST.
    actorRef.start();
  } else if (typeof process === 'object' && process.env.NODE_ENV !== 'production') {
    // eslint-disable-next-line no-console -- development-only warning about a shared actor; never prints a code
    console.warn(
      `[@authcode/svelte] ${api}() was called outside a component on a server, where a module serves every user: ` +
        'this flow is not started there. Create flows in components and share one with setAuthCodeContext() ' +
        '(docs/recipes/server-rendering.md, "One flow per user, never per server").',
    );
  }
}
