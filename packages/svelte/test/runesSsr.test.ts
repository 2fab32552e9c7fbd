// @vitest-environment node
import { createSimulatedHost } from '@authcode/core/testing';
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UseAuthCodeResult } from '../src/runes';
import ModuleSignIn from './components/ModuleSignIn.svelte';
import RunesAuthFlow from './components/RunesAuthFlow.svelte';
import RunesSignIn from './components/RunesSignIn.svelte';

// Compiled for the server: `svelte` and `svelte/reactivity` resolve to their server runtime.
const scopes = ['auth_base'];
let globalReads = 0;
const globalHost = { getAuthCode: vi.fn() };

beforeEach(() => {
  globalReads = 0;
  // A trip-wire: any read of the global `my`, `typeof my` included, counts.
  Object.defineProperty(globalThis, 'my', {
    configurable: true,
    get() {
      globalReads++;
      return globalHost;
    },
  });
});

afterEach(() => {
  delete (globalThis as { my?: unknown }).my;
  globalHost.getAuthCode.mockClear();
});

describe('useAuthCode in server rendering', () => {
  it('renders idle without touching the global `my`, and stops the actor after rendering', () => {
    let flow: UseAuthCodeResult | undefined;
    const { body } = render(RunesAuthFlow, {
      props: { input: { scopes }, onCreate: (created) => (flow = created) },
    });
    expect(body).toContain('<p>idle</p>');
    expect(globalReads).toBe(0);
    expect(globalHost.getAuthCode).not.toHaveBeenCalled();
    expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
  });

  it('renders the idle view with its button, from a component and from a .svelte.ts module', () => {
    expect(render(RunesSignIn, { props: { input: { scopes } } }).body).toMatch(
      /<button[^>]*>Sign in<\/button>.*<p data-testid="status">idle<\/p>/s,
    );
    let flow: UseAuthCodeResult | undefined;
    const { body } = render(ModuleSignIn, {
      props: { input: { scopes }, onCreate: (created) => (flow = created) },
    });
    expect(body).toMatch(/Sign in<\/button>.*<p>idle<\/p>/s);
    expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
    expect(globalReads).toBe(0);
  });

  it('never calls a host given in the input', () => {
    const host = createSimulatedHost();
    render(RunesSignIn, { props: { input: { host, scopes } } });
    expect(host.calls).toEqual([]);
    expect(globalReads).toBe(0);
  });
});
