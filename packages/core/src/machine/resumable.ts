import { fromCallback, type AnyActorRef, type EventObject } from 'xstate';

/** What work may do when its actor stops (perhaps for a restart) and when a restart reconnects. */
export interface ResumableHooks {
  pause?: () => void;
  resume?: () => void;
}

interface Session<TEvent> extends ResumableHooks {
  send: ((event: TEvent) => void) | undefined;
  queue: TEvent[];
  /** Set by every start (false) and stop (true) of an actor: only read after a stop. */
  stopping?: boolean;
  dispose: () => void;
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
  const sessions = new WeakMap<AnyActorRef, Session<TEvent>>();
  return fromCallback<EventObject, TInput>(({ input, self, sendBack }) => {
    let session = sessions.get(self);
    if (!session) {
      const created: Session<TEvent> = { send: undefined, queue: [], dispose: () => {} };
      sessions.set(self, created);
      created.dispose = start(
        input,
        (event) => (created.send ? created.send(event) : created.queue.push(event)),
        created,
      );
      session = created;
    } else session.resume?.();
    const current = session;
    current.stopping = false;
    current.send = sendBack;
    for (const event of current.queue.splice(0)) sendBack(event);
    return () => {
      current.send = undefined;
      current.stopping = true;
      current.pause?.();
      // A promise job: every ES2015 engine has one, unlike the microtask global many mini-program engines lack.
      void Promise.resolve().then(() => {
        if (!current.stopping) return;
        sessions.delete(self);
        current.send = () => {};
        current.dispose();
      });
    };
  });
}
