import type { AuthCodeInput } from '@authcode/core';
import { createScriptedHost, createSimulatedHost } from '@authcode/core/testing';
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuthCode, type UseAuthCodeResult } from '../src/runes';
import ModuleSignIn from './components/ModuleSignIn.svelte';
import RunesAuthFlow from './components/RunesAuthFlow.svelte';
import { createSignIn } from './support/signIn.svelte';

const scopes = ['auth_base'];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('useAuthCode in .svelte.ts modules', () => {
  it('is reactive without `$` in $derived and $effect of a module', async () => {
    const host = createScriptedHost();
    const seen: string[] = [];
    let signIn: ReturnType<typeof createSignIn> | undefined;
    const stop = $effect.root(() => {
      signIn = createSignIn({ host, scopes });
      $effect(() => {
        seen.push(`${signIn!.auth.status}:${signIn!.label}`);
      });
      return () => signIn!.auth.destroy();
    });
    cleanups.push(stop);
    flushSync();

    const settled = signIn!.auth.request();
    flushSync();
    host.grant(host.calls[0]!, 'MODULE-CODE-0001');
    expect((await settled).status).toBe('success');
    flushSync();

    expect(seen).toEqual(['idle:Sign in', 'consenting:Waiting…', 'success:Signed in']);
    expect(signIn!.auth.authCode).toBe('MODULE-CODE-0001');
    expect(signIn!.auth.grantedScopes).toEqual(scopes);
  });

  it('stops the flow that $effect.root cleans up with destroy(), dropping a late answer', async () => {
    const host = createScriptedHost();
    let auth: UseAuthCodeResult | undefined;
    const seen: string[] = [];
    const stop = $effect.root(() => {
      auth = useAuthCode({ host, scopes });
      $effect(() => {
        seen.push(auth!.status);
      });
      return () => auth!.destroy();
    });
    flushSync();
    const settled = auth!.request();
    flushSync();

    stop();
    host.grant(host.calls[0]!, 'LATE-CODE');
    await tick();

    expect(auth!.actorRef.getSnapshot().status).toBe('stopped');
    expect((await settled).authCode).toBeUndefined();
    expect(auth!.status).toBe('consenting');
    expect(seen).toEqual(['idle', 'consenting']);
  });

  it('keeps a flow created outside any owner running until destroy(), its fields current when read untracked', async () => {
    const auth = useAuthCode({ host: createSimulatedHost(), scopes });
    cleanups.push(() => auth.destroy());
    expect(auth.status).toBe('idle');
    const settled = auth.request();
    expect([auth.status, auth.isLoading, auth.scopes]).toEqual(['consenting', true, scopes]);
    expect((await settled).status).toBe('success');
    expect([auth.status, auth.isLoading, typeof auth.authCode]).toEqual(['success', false, 'string']);
    expect(auth.actorRef.getSnapshot().status).toBe('active');
    auth.destroy();
    expect(auth.actorRef.getSnapshot().status).toBe('stopped');
    // A stopped flow ignores its commands and resolves request() with its last view.
    auth.reset();
    expect((await auth.request()).status).toBe('success');
  });

  it('stops the flow that a .svelte.ts function created for a component when the component is destroyed', async () => {
    const host = createScriptedHost();
    let flow: UseAuthCodeResult | undefined;
    const target = document.body.appendChild(document.createElement('div'));
    const component = mount(ModuleSignIn, {
      target,
      props: { input: { host, scopes }, onCreate: (created) => (flow = created) },
    });
    flushSync();
    expect(target.textContent).toBe('Sign in idle');
    target.querySelector('button')!.click();
    flushSync();
    expect(target.textContent).toBe('Waiting… consenting');

    unmount(component);
    target.remove();
    host.grant(host.calls[0]!, 'LATE-CODE');
    await tick();
    expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
    expect(flow?.status).toBe('consenting');
  });

  it('reads the input once, when the component creates the flow', async () => {
    const first = createSimulatedHost();
    const later = createSimulatedHost();
    let flow: UseAuthCodeResult | undefined;
    const props = $state<{ input: AuthCodeInput; onCreate: (created: UseAuthCodeResult) => void }>({
      input: { host: first, scopes: ['auth_base'] },
      onCreate: (created) => (flow = created),
    });
    const target = document.body.appendChild(document.createElement('div'));
    const component = mount(RunesAuthFlow, { target, props });
    flushSync();

    props.input = { host: later, scopes: ['auth_user'] };
    flushSync();
    await flow?.request();

    expect([first.calls, later.calls]).toEqual([[{ scopes: ['auth_base'] }], []]);
    unmount(component);
    target.remove();
  });
});
