import type { AuthCodeInput } from '@authcode/core';
import { hasInjectionContext, inject, provide, type InjectionKey } from 'vue';
import type { UseAuthCodeReturn } from './types';
import { useAuthCode } from './useAuthCode';

/** The injection key `provideAuthCode` uses; provide your own `useAuthCode()` result under it if you need to. */
export const authCodeKey: InjectionKey<UseAuthCodeReturn> = Symbol('authcode');

/**
 * Creates a flow with `useAuthCode(input)` and provides it to every descendant, which reads it
 * with `injectAuthCode()`. Call it in a component's `setup()`; the flow stops when that component
 * unmounts. Returns the flow.
 */
export function provideAuthCode<TSession = never>(
  input?: AuthCodeInput<TSession>,
): UseAuthCodeReturn<TSession> {
  const flow = useAuthCode(input);
  provide(authCodeKey, flow as UseAuthCodeReturn);
  return flow;
}

/**
 * The flow an ancestor provided with `provideAuthCode()`. Throws when there is none. `TSession` is
 * not checked: pass the type the provider's `exchange` resolves with.
 */
export function injectAuthCode<TSession = unknown>(): UseAuthCodeReturn<TSession> {
  const flow = hasInjectionContext() ? inject(authCodeKey, null) : null;
  if (!flow) {
    throw new Error(
      typeof process === 'object' && process.env.NODE_ENV !== 'production'
        ? '[@authcode/vue] injectAuthCode() found no flow: call it in a setup() below a component that called provideAuthCode().'
        : 'injectAuthCode() needs provideAuthCode()',
    );
  }
  return flow as UseAuthCodeReturn<TSession>;
}
