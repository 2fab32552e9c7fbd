import { authCodeMachine, requestFlow, toView } from '@authcode/core';
import { createActor } from 'xstate';
import { createStatusLog, type AdapterDriver } from './driver';

/** The reference: the bare core actor, observed through `toView` with no framework in between. */
export const coreDriver: AdapterDriver = {
  name: 'core',
  mount(input) {
    const actor = createActor(authCodeMachine, { input });
    const log = createStatusLog();
    actor.subscribe((snapshot) => log.record(toView(snapshot).status));
    actor.start();
    log.record(toView(actor.getSnapshot()).status);
    return {
      statuses: log.statuses,
      view: () => toView(actor.getSnapshot()),
      request: (scopes, required) => requestFlow(actor, scopes, required),
      cancel: () => actor.send({ type: 'CANCEL' }),
      retry: () => actor.send({ type: 'RETRY' }),
      reset: () => actor.send({ type: 'RESET' }),
      flush: () => Promise.resolve(),
      unmount: () => actor.stop(),
    };
  },
};
