import type { SimulatedSuperApp } from '@authcode/example-shared';
import { getContext, setContext } from 'svelte';

/**
 * The simulated super app (the host outside a real super app, and its consent sheet) belongs to the
 * layout: like a real super app's sheet, it outlives the page that asked. Shared through context,
 * never a module-level singleton: on the server, a module is shared by every request.
 */
const key = Symbol('simulated super app');

export function setSimulatedSuperApp(superApp: SimulatedSuperApp): SimulatedSuperApp {
  return setContext(key, superApp);
}

export function getSimulatedSuperApp(): SimulatedSuperApp {
  const superApp = getContext<SimulatedSuperApp | undefined>(key);
  if (!superApp) throw new Error('No simulated super app: the root layout sets it.');
  return superApp;
}
