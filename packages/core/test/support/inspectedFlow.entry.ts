// Bundled by inspectorOverSocket.test.ts and run in a bare `node:vm` context, as a mini program's
// logic layer runs it: a flow with an exchange, inspected over `my.connectSocket`.
import { createInspector } from '@statelyai/inspect';
import { createActor } from 'xstate';
import { authCodeMachine } from '../../src/index';
import { createSimulatedHost } from '../../src/testHosts/simulatedHost';
import { createInspectorAdapter } from '../../src/inspect';
import { createExchange } from '../../src/exchange';

export function runInspectedFlow(options: { url: string; code: string }): Promise<string> {
  const inspector = createInspector(createInspectorAdapter({ url: options.url }));
  inspector.start();
  const actor = createActor(authCodeMachine, {
    input: {
      host: createSimulatedHost({ createCode: () => options.code }),
      scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
      exchange: createExchange(async (grant) => ({ user: 'u-1', scopes: grant.grantedScopes })),
    },
    inspect: inspector.inspect,
  });
  return new Promise((resolve) => {
    actor.subscribe((snapshot) => {
      if (snapshot.value === 'success' || snapshot.value === 'failed') resolve(String(snapshot.value));
    });
    actor.start();
    actor.send({ type: 'REQUEST' });
  });
}
