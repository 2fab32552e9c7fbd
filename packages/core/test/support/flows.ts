// Test hosts come from `@authcode/core/testing` (src/testing.ts); these are the flows around them.
import { createActor } from 'xstate';
import { authCodeMachine, toView, type AuthCodeInput } from '../../src/index';

export function startFlowActor(input: AuthCodeInput<unknown>) {
  const actor = createActor(authCodeMachine, { input }).start();
  return { actor, view: () => toView(actor.getSnapshot()), value: () => actor.getSnapshot().value };
}

/** Lets pending promise callbacks (host answers, exchange results) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const LOGIN = 'USER_LOGIN_ID';
export const EMAIL = 'USER_CONTACTINFO_EMAIL';
export const KYC = 'KYC_INFO';
