import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { createScriptedHost } from '../src/testing';
import { LOGIN, startFlowActor } from './support/flows';
import { createExchange } from '../src/exchange';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * What @xstate/react does in StrictMode and for <Activity> (`stopRootWithRehydration`, then
 * `start()`): stop the root and start the same actor refs again from their snapshots.
 */
function restart(root: AnyActorRef) {
  const snapshots: [AnyActorRef, unknown][] = [];
  const visit = (ref: AnyActorRef) => {
    snapshots.push([ref, ref.getSnapshot()]);
    for (const child of Object.values((ref.getSnapshot() as { children?: object }).children ?? {})) {
      visit(child as AnyActorRef);
    }
  };
  visit(root);
  root.stop();
  for (const [ref, snapshot] of snapshots) {
    Object.assign(ref, { _processingStatus: 0, _snapshot: snapshot });
  }
  root.start();
}

it('a restart in success keeps the code lifetime timer: the code expires on time', () => {
  const manual = createScriptedHost();
  const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], codeLifetimeMs: 1000 });
  actor.send({ type: 'REQUEST' });
  manual.success({ authCode: 'CODE-OF-THE-FLOW' });
  vi.advanceTimersByTime(600);
  restart(actor);
  expect(view().authCode).toBe('CODE-OF-THE-FLOW');
  vi.advanceTimersByTime(400);
  expect(view().error?.kind).toBe('expired');
});

it('a restart while exchanging keeps the exchange timeout and the exchange runs once', async () => {
  const manual = createScriptedHost();
  const exchange = vi.fn(() => new Promise<never>(() => {}));
  const { actor, view } = startFlowActor({
    host: manual,
    scopes: [LOGIN],
    exchange: createExchange(exchange),
    exchangeTimeoutMs: 1000,
  });
  actor.send({ type: 'REQUEST' });
  manual.success({ authCode: 'CODE-OF-THE-FLOW' });
  await vi.advanceTimersByTimeAsync(600);
  restart(actor);
  await vi.advanceTimersByTimeAsync(400);
  expect(view().error?.kind).toBe('exchange-timeout');
  expect(exchange).toHaveBeenCalledTimes(1);
});

it('a restart of the flow holding the host keeps its turn: a waiting flow still waits', async () => {
  const manual = createScriptedHost();
  const holder = startFlowActor({ host: manual, scopes: [LOGIN] });
  const waiting = startFlowActor({ host: manual, scopes: [LOGIN] });
  holder.actor.send({ type: 'REQUEST' });
  waiting.actor.send({ type: 'REQUEST' });
  restart(holder.actor);
  await vi.advanceTimersByTimeAsync(0);
  expect(manual.calls).toHaveLength(1);
  manual.success({ authCode: 'HOLDER-CODE-1' }, 0);
  expect(holder.view().authCode).toBe('HOLDER-CODE-1');
  await vi.advanceTimersByTimeAsync(0);
  expect(manual.calls).toHaveLength(2);
});
