import { createSimulatedHost } from '@authcode/core';
import { expect, it } from 'vitest';
import { mountAuthFlow } from './svelte4Driver';

it('stops the actor when the Svelte 4 component that created it is destroyed', () => {
  const { flow, target, unmount } = mountAuthFlow({ host: createSimulatedHost(), scopes: ['auth_base'] });
  expect(target.textContent).toBe('idle');
  expect(flow.actorRef.getSnapshot().status).toBe('active');
  unmount();
  expect(flow.actorRef.getSnapshot().status).toBe('stopped');
});
