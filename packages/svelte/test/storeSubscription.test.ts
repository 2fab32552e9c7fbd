import { createSimulatedHost } from '@authcode/core/testing';
import type { Subscription } from 'xstate';
import { afterEach, expect, it, vi } from 'vitest';
import { createAuthCode, type AuthCodeStore } from '../src';

const flows: AuthCodeStore[] = [];
afterEach(() => {
  for (const flow of flows.splice(0)) flow.destroy();
  vi.restoreAllMocks();
});

it('the store subscribes to its actor while it has subscribers, and releases it after the last one leaves', () => {
  const flow = createAuthCode({ host: createSimulatedHost(), scopes: ['auth_base'] });
  flows.push(flow);
  const actorSubscriptions: Subscription[] = [];
  const subscribe = flow.actorRef.subscribe.bind(flow.actorRef);
  vi.spyOn(flow.actorRef, 'subscribe').mockImplementation(((...args: Parameters<typeof subscribe>) => {
    const subscription = subscribe(...args);
    vi.spyOn(subscription, 'unsubscribe');
    actorSubscriptions.push(subscription);
    return subscription;
  }) as typeof subscribe);

  const stopFirst = flow.subscribe(() => {});
  const stopSecond = flow.subscribe(() => {});
  expect(actorSubscriptions).toHaveLength(1);

  stopFirst();
  expect(actorSubscriptions[0]!.unsubscribe).not.toHaveBeenCalled();
  stopSecond();
  expect(actorSubscriptions[0]!.unsubscribe).toHaveBeenCalledTimes(1);

  // A store nobody reads no longer listens: the actor's snapshots reach no subscriber of ours.
  const heard: string[] = [];
  const stopThird = flow.subscribe((view) => heard.push(view.status));
  expect(actorSubscriptions).toHaveLength(2);
  stopThird();
  void flow.request();
  expect(heard).toEqual(['idle']);
});
