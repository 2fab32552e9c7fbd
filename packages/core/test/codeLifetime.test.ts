import { expect, it } from 'vitest';
import { createActor, type InspectionEvent } from 'xstate';
import { authCodeMachine, toView } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN, settle } from './support/flows';
import { createExchange } from '../src/exchange';

it('a success that holds a session, not a code, never reports the code expired', async () => {
  const host = createScriptedHost();
  const received: string[] = [];
  const inspect = (event: InspectionEvent) => {
    if (event.type === '@xstate.event' && event.actorRef.sessionId === event.rootId)
      received.push(event.event.type);
  };
  const actor = createActor(authCodeMachine, {
    input: { host, scopes: [LOGIN], exchange: createExchange(async () => 'session'), codeLifetimeMs: 1 },
    inspect,
  }).start();
  actor.send({ type: 'REQUEST' });
  host.success({ authCode: 'code-1' });
  await settle();
  await settle();
  expect(toView(actor.getSnapshot())).toMatchObject({ status: 'success', session: 'session' });
  expect(received).not.toContain('CODE.EXPIRED');
  expect(received).toContain('EXCHANGE.DONE');
});
