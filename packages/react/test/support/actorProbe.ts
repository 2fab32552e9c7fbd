import type { AuthCodeActorRef } from '@authcode/core';

/**
 * Counts the snapshots an actor's system makes from now on: each one is an event it processed.
 *
 * Why not `getSnapshot().status === 'stopped'`: `@xstate/react`'s `useActorRef` stops its actor on
 * unmount and then puts the pre-stop snapshot back (status `active`, same children) so StrictMode
 * and `<Activity>` can start it again. A stopped actor therefore reads as active; whether it runs
 * shows only in whether it processes events.
 */
export function watchSnapshots(actorRef: AuthCodeActorRef): { readonly count: number; stop(): void } {
  let count = 0;
  const subscription = actorRef.system.inspect((event) => {
    if (event.type === '@xstate.snapshot') count++;
  });
  return {
    get count() {
      return count;
    },
    stop: () => subscription.unsubscribe(),
  };
}

/**
 * Whether the actor still processes events: RESET is handled in every state, so a running actor
 * always makes a snapshot for it; a stopped one queues it unprocessed. Resets a running flow.
 */
export function isRunning(actorRef: AuthCodeActorRef): boolean {
  const snapshots = watchSnapshots(actorRef);
  actorRef.send({ type: 'RESET' });
  snapshots.stop();
  return snapshots.count > 0;
}
