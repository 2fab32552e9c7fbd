import type { AuthCodeInput } from '@authcode/core';
import { getContext, setContext } from 'svelte';
import { createAuthCode, type AuthCodeStore } from './createAuthCode';

const contextKey = Symbol('@authcode/svelte');

function isAuthCodeStore<TSession>(value: unknown): value is AuthCodeStore<TSession> {
  return typeof value === 'object' && value !== null && 'subscribe' in value && 'actorRef' in value;
}

/**
 * Shares one flow with this component and its children (`getAuthCodeContext()`). Pass a flow
 * from `createAuthCode` (its creator owns its lifetime), or an input to create one here that stops
 * with this component. Call it while the component initialises.
 */
export function setAuthCodeContext<TSession = never>(
  flowOrInput?: AuthCodeStore<TSession> | AuthCodeInput<TSession>,
): AuthCodeStore<TSession> {
  const flow = isAuthCodeStore<TSession>(flowOrInput) ? flowOrInput : createAuthCode(flowOrInput);
  return setContext(contextKey, flow);
}

/** The flow a parent shared with `setAuthCodeContext`. Throws when none did. */
export function getAuthCodeContext<TSession = unknown>(): AuthCodeStore<TSession> {
  const flow = getContext<AuthCodeStore<TSession> | undefined>(contextKey);
  if (!flow) {
    throw new Error(
      typeof process === 'object' && process.env.NODE_ENV !== 'production'
        ? 'getAuthCodeContext() found no auth code flow: call setAuthCodeContext() in this component or a parent component first.'
        : 'getAuthCodeContext() needs setAuthCodeContext()',
    );
  }
  return flow;
}
