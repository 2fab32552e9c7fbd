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

it('two flows that plan at once each keep their own plan: neither sees the other', () => {
  const reads = { first: 0, second: 0 };
  // A REQUEST whose scope list is read through a getter, so each reading is counted.
  const requestFor = (flow: keyof typeof reads, scope: string) => ({
    type: 'REQUEST' as const,
    get scopes() {
      reads[flow] += 1;
      return [scope];
    },
  });
  const firstHost = createScriptedHost();
  const secondHost = createScriptedHost();
  const first = createActor(authCodeMachine, { input: { host: firstHost } }).start();
  const second = createActor(authCodeMachine, { input: { host: secondHost } }).start();
  const firstRequest = requestFor('first', LOGIN);
  const secondRequest = requestFor('second', EMAIL);
  // Both flows plan (can() runs the guards, which validate), and neither has taken its plan yet.
  expect(first.getSnapshot().can(firstRequest)).toBe(true);
  expect(second.getSnapshot().can(secondRequest)).toBe(true);
  first.send(firstRequest);
  second.send(secondRequest);
  // Each flow used the plan it made: its REQUEST was read once, by it alone.
  expect(reads).toEqual({ first: 1, second: 1 });
  expect(firstHost.calls.map((call) => call.scopes)).toEqual([[LOGIN]]);
  expect(secondHost.calls.map((call) => call.scopes)).toEqual([[EMAIL]]);
  expect(toView(first.getSnapshot()).scopes).toEqual([LOGIN]);
  expect(toView(second.getSnapshot()).scopes).toEqual([EMAIL]);
});
