import { onDestroy } from 'svelte';

/**
 * Runs `cleanup` when the component being initialised is destroyed; does nothing outside one.
 * `onDestroy` throws outside component initialisation (Svelte 4 and 5, client and server), which is
 * how a call from a plain module or an event handler is told apart from one in a component's script.
 */
export function onComponentDestroy(cleanup: () => void): void {
  try {
    onDestroy(cleanup);
  } catch {
    // Not in a component: the caller stops the flow with `destroy()`.
  }
}
