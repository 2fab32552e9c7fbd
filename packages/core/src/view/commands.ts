import type { Scope } from '../types.js';
import { requestFlow, sendToRunning, type AuthCodeActorRef } from './flow.js';
import type { AuthCodeView, HasExchange } from './view.js';

/**
 * What a component can do with its flow: the one declaration of these commands, which every
 * adapter's result extends. Each adapter hands out the same functions for the life of the flow.
 */
export interface AuthCodeCommands<TSession = unknown, TExchange extends boolean = HasExchange<TSession>> {
  /**
   * Starts a flow, or joins the one that is running (one consent sheet at a time), and resolves
   * with its settled view: `success`, `failed`, or `idle` after a cancel or reset. Never rejects.
   * Without arguments it asks for the input's scopes; `required` defaults to every scope asked for.
   * Once the flow's actor stopped (its component is gone), it resolves at once with the last view.
   */
  request(scopes?: readonly Scope[], required?: readonly Scope[]): Promise<AuthCodeView<TSession, TExchange>>;
  /** Stops waiting for the host (or the exchange) and returns to `idle`; a late answer is dropped. */
  cancel(): void;
  /** Asks again with the same request after a retryable failure (a new host call); otherwise ignored. */
  retry(): void;
  /** Forgets the current flow from any state; a late answer is dropped. */
  reset(): void;
}

/**
 * The commands of one flow. Once its actor stopped (the component is gone), they do nothing and
 * `request()` resolves with the last view, instead of XState warning about events to a stopped actor.
 */
export function createCommands<TSession = unknown>(actor: AuthCodeActorRef): AuthCodeCommands<TSession> {
  const command = (type: 'CANCEL' | 'RETRY' | 'RESET') => () => sendToRunning(actor, { type });
  return {
    request: (scopes, required) => requestFlow<TSession>(actor, scopes, required),
    cancel: command('CANCEL'),
    retry: command('RETRY'),
    reset: command('RESET'),
  };
}
