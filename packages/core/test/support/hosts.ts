import { createActor } from 'xstate';
import {
  authCodeMachine,
  toView,
  type AuthCodeHost,
  type AuthCodeInput,
  type GetAuthCodeOptions,
} from '../../src/index';

/** A host that records every call and answers only when the test says so. */
export function createManualHost() {
  const calls: GetAuthCodeOptions[] = [];
  const host: AuthCodeHost = { getAuthCode: (options) => void calls.push(options) };
  const call = (index = calls.length - 1) => {
    const options = calls[index];
    if (!options) throw new Error(`the host has no call ${index}`);
    return options;
  };
  return {
    host,
    calls,
    success: (payload: unknown, index?: number) => call(index).success?.(payload as never),
    fail: (payload: unknown, index?: number) => call(index).fail?.(payload as never),
    complete: (payload?: unknown, index?: number) => call(index).complete?.(payload as never),
  };
}

/** A host that answers inside getAuthCode, before it returns. */
export function createSyncHost(via: 'success' | 'fail' | 'complete', payload: unknown) {
  const calls: GetAuthCodeOptions[] = [];
  const host: AuthCodeHost = {
    getAuthCode(options) {
      calls.push(options);
      options[via]?.(payload as never);
    },
  };
  return { host, calls };
}

export function createThrowingHost(error: unknown) {
  let calls = 0;
  const host: AuthCodeHost = {
    getAuthCode() {
      calls++;
      throw error;
    },
  };
  return { host, calls: () => calls };
}

export function startFlowActor(input: AuthCodeInput<unknown>) {
  const actor = createActor(authCodeMachine, { input }).start();
  return { actor, view: () => toView(actor.getSnapshot()), value: () => actor.getSnapshot().value };
}

/** Lets pending promise callbacks (host answers, exchange results) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const LOGIN = 'USER_LOGIN_ID';
export const EMAIL = 'USER_CONTACTINFO_EMAIL';
export const KYC = 'KYC_INFO';
