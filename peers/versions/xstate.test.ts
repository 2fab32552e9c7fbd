import { authCodeMachine } from '@authcode/core';
import { createActor } from 'xstate';
import xstatePackage from 'xstate/package.json' with { type: 'json' };
import { expect, it } from 'vitest';

it('runs the core and the conformance reference on xstate 5.20', () => {
  expect(xstatePackage.version).toBe('5.20.0');
  const actor = createActor(authCodeMachine, { input: { scopes: ['auth_base'] } }).start();
  expect(actor.getSnapshot().value).toBe('idle');
  actor.stop();
});
