import { createSimulatedHost } from '@authcode/core/testing';
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthCode, type AuthCodeStore } from '../src';
import FlowStatus from './components/FlowStatus.svelte';
import SharedFlow from './components/SharedFlow.svelte';

const scopes = ['auth_base'];
const cleanups: (() => void)[] = [];

/** Mounts what `create` mounts into a fresh element; destroyed after the test unless the test did. */
function render(create: (target: HTMLElement) => ReturnType<typeof mount>) {
  const target = document.body.appendChild(document.createElement('div'));
  const instance = create(target);
  flushSync();
  let mounted = true;
  const destroy = () => {
    if (!mounted) return;
    mounted = false;
    unmount(instance);
    target.remove();
  };
  cleanups.push(destroy);
  return { target, destroy };
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('context', () => {
  it('shares one flow with every child; it stops with the component that created it', async () => {
    const seen: AuthCodeStore[] = [];
    const { target, destroy } = render((target) =>
      mount(SharedFlow, {
        target,
        props: { flowOrInput: { host: createSimulatedHost(), scopes }, onCreate: (flow) => seen.push(flow) },
      }),
    );
    const [shared, ...children] = seen;
    expect(children).toEqual([shared, shared]);

    await children[0]!.request();
    await tick();
    expect(target.textContent?.match(/success/g)).toHaveLength(2);

    destroy();
    expect(shared!.actorRef.getSnapshot().status).toBe('stopped');
  });

  it('shares a flow created elsewhere without taking over its lifetime', () => {
    const flow = createAuthCode({ host: createSimulatedHost(), scopes });
    const seen: AuthCodeStore[] = [];
    const { destroy } = render((target) =>
      mount(SharedFlow, { target, props: { flowOrInput: flow, onCreate: (shared) => seen.push(shared) } }),
    );
    expect(seen).toEqual([flow, flow, flow]);

    destroy();
    expect(flow.actorRef.getSnapshot().status).toBe('active');
    flow.destroy();
  });

  it('throws an error naming setAuthCodeContext when no parent shared a flow', () => {
    const target = document.createElement('div');
    // Svelte appends the component stack in development.
    expect(() => mount(FlowStatus, { target, props: {} })).toThrow(
      /^getAuthCodeContext\(\) found no auth code flow: call setAuthCodeContext\(\) in this component or a parent component first\./,
    );
  });

  it('throws the short message in production, still naming both functions', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const target = document.createElement('div');
    expect(() => mount(FlowStatus, { target, props: {} })).toThrow(
      /^getAuthCodeContext\(\) needs setAuthCodeContext\(\)\s/,
    );
    vi.unstubAllEnvs();
  });
});
