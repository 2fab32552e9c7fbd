// @vitest-environment node
import type { AuthCodeStore } from '../src';
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AuthFlow from './components/AuthFlow.svelte';
import SharedFlow from './components/SharedFlow.svelte';

// Compiled for the server: this file runs in Vite's ssr environment, so the plugin generates
// server components and `svelte` resolves to its server runtime.
const scopes = ['auth_base'];
let globalReads = 0;
const globalHost = { getAuthCode: vi.fn() };

beforeEach(() => {
  globalReads = 0;
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

describe('server rendering', () => {
  it('renders idle without touching the global `my`, and stops the actor after rendering', () => {
    let flow: AuthCodeStore | undefined;
    const { body } = render(AuthFlow, {
      props: { input: { scopes }, onCreate: (created) => (flow = created) },
    });
    expect(body).toContain('<p>idle</p>');
    expect(globalReads).toBe(0);
    expect(globalHost.getAuthCode).not.toHaveBeenCalled();
    expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
  });

  it('never calls a host given in the input', () => {
    const host = { getAuthCode: vi.fn() };
    const { body } = render(SharedFlow, { props: { flowOrInput: { host, scopes } } });
    expect(body.match(/<p>idle<\/p>/g)).toHaveLength(2);
    expect(host.getAuthCode).not.toHaveBeenCalled();
    expect(globalReads).toBe(0);
  });
});
