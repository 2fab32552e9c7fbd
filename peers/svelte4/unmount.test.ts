import { expect, it, vi } from 'vitest';
import { mountAuthFlow } from './svelte4Driver';

it('stops the actor when the Svelte 4 component that created it is destroyed', () => {
  const host = { getAuthCode: vi.fn() };
  const { flow, target, unmount } = mountAuthFlow({ host, scopes: ['auth_base'] });
  expect(target.textContent).toBe('idle');
  expect(flow.actorRef.getSnapshot().status).toBe('active');
  unmount();
  expect(flow.actorRef.getSnapshot().status).toBe('stopped');
  expect(host.getAuthCode).not.toHaveBeenCalled();
});
