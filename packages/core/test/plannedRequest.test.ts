import { expect, it } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine, toView } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, LOGIN } from './support/flows';

it('one REQUEST object, checked with can() by one flow, is read again for another flow with its own input', () => {
  const request = { type: 'REQUEST' as const };
  const first = createActor(authCodeMachine, {
    input: { host: createScriptedHost(), scopes: [LOGIN] },
  }).start();
  // can() runs the guards, which validate the request, but no action: the validation stays planned.
  expect(first.getSnapshot().can(request)).toBe(true);
  const host = createScriptedHost();
  const second = createActor(authCodeMachine, { input: { host, scopes: [EMAIL] } }).start();
  second.send(request);
  expect(toView(second.getSnapshot()).scopes).toEqual([EMAIL]);
  expect(host.calls.map((call) => call.scopes)).toEqual([[EMAIL]]);
});
