import { tick } from 'svelte';
import { expect, it, vi } from 'vitest';
import { mountAuthFlow } from './mountAuthFlow';
import { createRecordingHost, grantLate } from './recordingHost';

const COMPONENTS = 1000;

it(`leaves no running actor and no live host callback after ${COMPONENTS} components`, async () => {
  const host = createRecordingHost();
  const mounted = Array.from({ length: COMPONENTS }, () => mountAuthFlow({ host, scopes: ['auth_base'] }));
  const pending = mounted.map(({ flow }) => flow.request());
  await tick();
  const consenting = mounted.filter(({ renders }) => renders.at(-1)?.status === 'consenting');
  // One consent sheet per host: the first flow's call is open, the others wait their turn.
  expect([host.calls.length, consenting.length]).toEqual([1, COMPONENTS]);

  for (const { unmount } of mounted) unmount();
  await Promise.all(pending);

  const running = mounted.filter(({ flow }) => flow.actorRef.getSnapshot().status === 'active');
  expect(running).toHaveLength(0);

  // Every host call is still holding its callbacks: a live one would move its flow on.
  const snapshots = mounted.map(({ flow }) => flow.actorRef.getSnapshot());
  const warn = vi.spyOn(console, 'warn');
  for (const call of host.calls) grantLate(call);
  await tick();
  const moved = mounted.filter(({ flow }, index) => flow.actorRef.getSnapshot() !== snapshots[index]);
  const rerendered = mounted.filter(({ renders }) => renders.length !== 2);
  expect([moved.length, rerendered.length]).toEqual([0, 0]);
  // The flows that were waiting left the line when they stopped: none called the host.
  expect(host.calls).toHaveLength(1);
  expect(warn).not.toHaveBeenCalled();
  warn.mockRestore();
  expect(document.body.childElementCount).toBe(0);
});
