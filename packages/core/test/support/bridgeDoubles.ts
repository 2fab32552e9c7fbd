// The doubles and flow helpers the host-bridge tests use, kept to themselves so that they do not
// depend on how the rest of the core's tests build their hosts.
import { createActor } from 'xstate';
import {
  authCodeMachine,
  toView,
  type AuthCodeHost,
  type AuthCodeInput,
  type GetAuthCodeOptions,
} from '../../src/index';

export const LOGIN = 'USER_LOGIN_ID';
export const EMAIL = 'USER_CONTACTINFO_EMAIL';

/** A host that records every call and answers only when the test says so. */
export function createManualHost() {
  const calls: GetAuthCodeOptions[] = [];
  const host: AuthCodeHost = { getAuthCode: (options) => void calls.push(options) };
  const last = () => calls[calls.length - 1]!;
  return {
    host,
    calls,
    success: (payload: unknown) => last().success?.(payload as never),
    fail: (payload: unknown) => last().fail?.(payload as never),
    complete: (payload?: unknown) => last().complete?.(payload as never),
  };
}

/** A host that answers inside getAuthCode, before it returns. */
export function createSyncHost(via: 'success' | 'fail' | 'complete', payload: unknown): AuthCodeHost {
  return { getAuthCode: (options) => options[via]?.(payload as never) };
}

export function createThrowingHost(error: unknown): AuthCodeHost {
  return {
    getAuthCode() {
      throw error;
    },
  };
}

export function startFlowActor(input: AuthCodeInput<unknown>) {
  const actor = createActor(authCodeMachine, { input }).start();
  return { actor, view: () => toView(actor.getSnapshot()) };
}

/** Lets pending promise callbacks (host answers, exchange results) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
