import { requestFlow, type AuthCodeActorRef } from './flow.js';
import type { Scope } from './types.js';
import { toView, type AuthCodeView } from './view.js';

/** What every adapter hands to components, beside the view. */
export interface AuthCodeCommands<TSession = unknown> {
  /** Starts a flow, or joins the running one, and resolves with its settled view. Never rejects. */
  request(scopes?: readonly Scope[], required?: readonly Scope[]): Promise<AuthCodeView<TSession>>;
  /** Ends the running flow; its late answer is dropped. */
  cancel(): void;
  /** Asks again after a retryable failure. */
  retry(): void;
  /** Forgets the last flow. */
  reset(): void;
}

/**
 * The commands of one flow. Once its actor stopped (the component is gone), they do nothing and
 * `request()` resolves with the last view, instead of XState warning about events to a stopped actor.
 */
export function createCommands<TSession = unknown>(actor: AuthCodeActorRef): AuthCodeCommands<TSession> {
  const isStopped = () => actor.getSnapshot().status === 'stopped';
  const send = (type: 'CANCEL' | 'RETRY' | 'RESET') => {
    if (!isStopped()) actor.send({ type });
  };
  return {
    request: (scopes, required) =>
      isStopped()
        ? Promise.resolve(toView<TSession>(actor.getSnapshot()))
        : requestFlow<TSession>(actor, scopes, required),
    cancel: () => send('CANCEL'),
    retry: () => send('RETRY'),
    reset: () => send('RESET'),
  };
}
