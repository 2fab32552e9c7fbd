import type { UseAuthCodeResult } from '@authcode/svelte/runes';
import { getContext, setContext } from 'svelte';

/**
 * One flow shared with a component's children. In SvelteKit, a flow created at a module's top level
 * would run on the server too, where one module instance serves every request of every user: create
 * it in a component (here, the page) and hand it down through context, which is per component tree,
 * so per request on the server and per page in the browser.
 */
const key = Symbol('auth code flow');

/** Call while the component that created `auth` initialises. */
export function setAuth<TSession>(auth: UseAuthCodeResult<TSession>): UseAuthCodeResult<TSession> {
  return setContext(key, auth);
}

/** The flow a parent component shared with `setAuth`. */
export function getAuth<TSession = unknown>(): UseAuthCodeResult<TSession> {
  const auth = getContext<UseAuthCodeResult<TSession> | undefined>(key);
  if (!auth) throw new Error('getAuth() found no flow: call setAuth() in a parent component first.');
  return auth;
}
