import { DEFAULT_TIMEOUT_MS, toView } from '@authcode/core';
import { afterEach, expect, it, vi } from 'vitest';
import { isRunning, watchSnapshots } from './support/actorProbe';
import { describeEachReactMode } from './support/reactModes';
import { renderFlow } from './support/renderFlow';
import { createScriptedHost } from '@authcode/core/testing';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describeEachReactMode('unmount while consenting', (mode) => {
  it('ends the flow with the component: the late answer causes no error, no warning and no update', async () => {
    // Only the machine's clock is faked: its host timeout is then the one timer there is to count.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const consoleError = vi.spyOn(console, 'error');
    const consoleWarn = vi.spyOn(console, 'warn');
    const host = createScriptedHost();
    const flow = renderFlow(mode, { host, scopes: ['USER_LOGIN_ID'] });
    flow.clickRequest();
    expect(flow.current.status).toBe('consenting');
    expect(vi.getTimerCount()).toBe(1);
    const { actorRef } = flow.current;
    const rendersBefore = flow.renders.length;

    flow.unmount();
    const snapshots = watchSnapshots(actorRef);
    // The host call is released once the task ends (a StrictMode restart within it would keep it).
    await Promise.resolve();
    expect(vi.getTimerCount()).toBe(0);
    expect(() => host.grant(host.calls[0]!, 'LATE-CODE')).not.toThrow();
    vi.advanceTimersByTime(DEFAULT_TIMEOUT_MS);

    expect(snapshots.count).toBe(0);
    expect(flow.renders.length).toBe(rendersBefore);
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    // What reads back is the pre-stop snapshot useActorRef put back, not a live flow: no code in it.
    expect(toView(actorRef.getSnapshot())).toMatchObject({ status: 'consenting', authCode: undefined });
    expect(isRunning(actorRef)).toBe(false);
  });
});
