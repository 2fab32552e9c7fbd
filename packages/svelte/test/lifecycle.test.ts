import { createScriptedHost, createSimulatedHost } from '@authcode/core/testing';
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthCode, type AuthCodeStore } from '../src';
import LegacyAuthFlow from './components/LegacyAuthFlow.svelte';
import { mountAuthFlow } from './mountAuthFlow';

const scopes = ['auth_base'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('lifecycle', () => {
  it('stops the actor when the component that created it is destroyed', () => {
    const { flow, unmount } = mountAuthFlow({ host: createSimulatedHost(), scopes });
    expect(flow.actorRef.getSnapshot().status).toBe('active');
    unmount();
    expect(flow.actorRef.getSnapshot().status).toBe('stopped');
  });

  it('stops the actor of a Svelte 4 syntax (legacy mode) component when it is destroyed', () => {
    let flow: AuthCodeStore | undefined;
    const target = document.body.appendChild(document.createElement('div'));
    const component = mount(LegacyAuthFlow, { target, props: { onCreate: (created) => (flow = created) } });
    flushSync();
    expect(target.textContent).toBe('idle');
    unmount(component);
    target.remove();
    expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
  });

  it('keeps a flow created outside a component running until destroy() is called', async () => {
    const flow = createAuthCode({ host: createSimulatedHost(), scopes });
    expect((await flow.request()).status).toBe('success');
    expect(flow.actorRef.getSnapshot().status).toBe('active');
    flow.destroy();
    expect(flow.actorRef.getSnapshot().status).toBe('stopped');
  });

  it("drops the host's late answer after an unmount while consenting: no error, warning or update", async () => {
    const host = createScriptedHost();
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const { flow, renders, unmount } = mountAuthFlow({ host, scopes });
    const settled = flow.request();
    await tick();
    expect(renders.map((view) => view.status)).toEqual(['idle', 'consenting']);
    const storeUpdates = vi.fn();
    const unsubscribe = flow.subscribe(storeUpdates);

    unmount();
    host.grant(host.calls[0]!, 'LATE-CODE');
    await tick();

    expect(flow.actorRef.getSnapshot().status).toBe('stopped');
    expect(renders).toHaveLength(2);
    expect(storeUpdates).toHaveBeenCalledTimes(1);
    expect((await settled).authCode).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    unsubscribe();
  });
});
