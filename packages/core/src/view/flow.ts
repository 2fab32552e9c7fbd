import type { ActorRefFrom } from 'xstate';
import type { AuthCodeMachine } from '../machine/machine.js';
import type { AuthCodeEvent, Scope } from '../types.js';
import { toView, type AuthCodeSnapshot, type AuthCodeView } from './view.js';

export type AuthCodeActorRef = ActorRefFrom<AuthCodeMachine>;

/**
 * Resolves with the view once the running flow settles (`success`, `failed`, or `idle` after a
 * cancel or reset), or with the last view if the actor stops first. Never rejects.
 */
export function waitForSettled<TSession = unknown>(actor: AuthCodeActorRef): Promise<AuthCodeView<TSession>> {
  const snapshot = actor.getSnapshot();
  const current = toView<TSession>(snapshot);
  // A stopped actor will not notify anyone again.
  if (!current.isLoading || snapshot.status !== 'active') return Promise.resolve(current);
  return new Promise((resolve) => {
    const finish = (view: AuthCodeView<TSession>) => {
      subscription.unsubscribe();
      inspection.unsubscribe();
      resolve(view);
    };
    const settleOn = (next: AuthCodeSnapshot) => {
      const view = toView<TSession>(next);
      if (!view.isLoading) finish(view);
    };
    const settleNow = () => finish(toView<TSession>(actor.getSnapshot()));
    const subscription = actor.subscribe(settleOn, settleNow, settleNow);
    // Also through the system's inspection: when StrictMode or <Activity> restarts the actor,
    // @xstate/react replaces its observers but keeps the system's inspectors.
    const inspection = actor.system.inspect((event) => {
      if (event.type === '@xstate.snapshot' && event.actorRef === actor)
        settleOn(event.snapshot as AuthCodeSnapshot);
    });
  });
}

/**
 * Starts a flow, or joins the one that is running (one consent sheet at a time), and resolves with
 * its settled view. What every adapter's `request()` is. Once the actor stopped, it resolves at once
 * with the last view, instead of XState warning about an event to a stopped actor.
 */
export function requestFlow<TSession = unknown>(
  actor: AuthCodeActorRef,
  scopes?: readonly Scope[],
  required?: readonly Scope[],
): Promise<AuthCodeView<TSession>> {
  if (!toView(actor.getSnapshot()).isLoading) {
    sendToRunning(actor, scopes === undefined ? { type: 'REQUEST' } : { type: 'REQUEST', scopes, required });
  }
  return waitForSettled<TSession>(actor);
}

/** Sends to an actor that runs (or has not started yet); a stopped one would only warn about it. */
export function sendToRunning(actor: AuthCodeActorRef, event: AuthCodeEvent): void {
  if (actor.getSnapshot().status === 'active') actor.send(event);
}
