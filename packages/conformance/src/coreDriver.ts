import {
  authCodeMachine,
  requestFlow,
  toView,
  type AuthCodeActorRef,
  type AuthCodeStatus,
} from '@authcode/core';
import { createActor } from 'xstate';
import { createStatusLog, type AdapterDriver, type MountedFlow } from './driver';

/** A started core actor seen as a mounted flow: events straight to the actor, views through `toView`. */
export function actorFlow(actor: AuthCodeActorRef, statuses: readonly AuthCodeStatus[]): MountedFlow {
  return {
    statuses,
    view: () => toView(actor.getSnapshot()),
    request: (scopes, required) => requestFlow(actor, scopes, required),
    cancel: () => actor.send({ type: 'CANCEL' }),
    retry: () => actor.send({ type: 'RETRY' }),
    reset: () => actor.send({ type: 'RESET' }),
    flush: () => Promise.resolve(),
    unmount: () => actor.stop(),
  };
}

/** The reference: the bare core actor, observed through `toView` with no framework in between. */
export const coreDriver: AdapterDriver = {
  name: 'core',
  mount(input) {
    const actor = createActor(authCodeMachine, { input });
    const log = createStatusLog();
    actor.subscribe((snapshot) => log.record(toView(snapshot).status));
    actor.start();
    log.record(toView(actor.getSnapshot()).status);
    return actorFlow(actor, log.statuses);
  },
};
