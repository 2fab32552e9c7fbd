import { fromCallback, type AnyActorRef, type EventObject } from 'xstate';

/** What work may do when its actor stops (perhaps for a restart) and when a restart reconnects. */
export interface ResumableHooks {
  pause?: () => void;
  resume?: () => void;
}

/**
 * Invoked work that survives a restart. React's StrictMode and `<Activity>` stop the root actor and
 * start it again from the same snapshot, which starts its invoked actors again: a second consent
 * sheet, a second exchange of a single-use code. Work made with this starts once per invoked actor;
 * a restart reconnects to it (passing on what it reported meanwhile), and it is disposed only when
 * no restart follows the stop within the same task.
 */
export function fromResumable<TInput, TEvent extends EventObject>(
  start: (input: TInput, report: (event: TEvent) => void, hooks: ResumableHooks) => () => void,
) {
  // Per invoked actor: how a restart reconnects to its work; returns what the restart's stop does.
  const sessions = new WeakMap<AnyActorRef, (sendBack: (event: TEvent) => void) => () => void>();
  return fromCallback<EventObject, TInput>(({ input, self, sendBack }) => {
    const restart = sessions.get(self);
    if (restart) return restart(sendBack);
    let send: ((event: TEvent) => void) | undefined;
    // Set by every start (false) and stop (true) of the actor: only read after a stop.
    let stopping = false;
    const queue: TEvent[] = [];
    const hooks: ResumableHooks = {};
    const dispose = start(input, (event) => (send ? send(event) : queue.push(event)), hooks);
    const connect = (connected: (event: TEvent) => void) => {
      stopping = false;
      send = connected;
      for (const event of queue.splice(0)) connected(event);
      return () => {
        send = undefined;
        stopping = true;
        hooks.pause?.();
        // A promise job: every ES2015 engine has one, unlike the microtask global many mini-program engines lack.
        void Promise.resolve().then(() => {
          if (!stopping) return;
          sessions.delete(self);
          send = () => {};
          dispose();
        });
      };
    };
    sessions.set(self, (connected) => {
      hooks.resume?.();
      return connect(connected);
    });
    return connect(sendBack);
  });
}
