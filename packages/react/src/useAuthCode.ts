import { authCodeMachine, type AuthCodeInput } from '@authcode/core';
import { useActorRef } from '@xstate/react';
import type { UseAuthCodeResult } from './types';
import { useAuthCodeActor } from './useAuthCodeActor';

/**
 * Runs a getAuthCode flow owned by this component: its actor starts on mount and stops on
 * unmount, and a host answer that arrives after that is dropped. The component renders once per
 * distinct view; nothing touches the host (or the global `my`) until `request()` is called, so
 * server rendering shows `idle`.
 *
 * `input` is read once, when the component mounts, like XState's `useMachine`: later changes are
 * ignored. To use a new input, remount the component (for example with a `key`).
 *
 * `session` is typed from what `input.exchange` resolves with. Without `exchange`, `TSession` is
 * `never`: checking `status === 'success'` narrows `authCode` to `string`.
 */
export function useAuthCode<TSession = never>(input?: AuthCodeInput<TSession>): UseAuthCodeResult<TSession> {
  return useAuthCodeActor<TSession>(useActorRef(authCodeMachine, { input }));
}
