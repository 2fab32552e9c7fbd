import type { AuthCodeView } from '@authcode/core';
import { createSimulatedHost, simulatedAnswers } from '@authcode/core/testing';
import { get } from 'svelte/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthCode, type AuthCodeStore } from '../src';

const scopes = ['auth_base'];
const flows: AuthCodeStore[] = [];

function createFlow(...args: Parameters<typeof createAuthCode>) {
  const flow = createAuthCode(...args);
  flows.push(flow);
  return flow;
}

afterEach(() => {
  for (const flow of flows.splice(0)) flow.destroy();
});

describe('store contract', () => {
  it('sets a new value only when the view changed', async () => {
    const flow = createFlow({ host: createSimulatedHost(), scopes });
    const values: AuthCodeView[] = [];
    const unsubscribe = flow.subscribe((view) => values.push(view));

    // A new snapshot that shows the same thing: the view is equal, so subscribers hear nothing.
    flow.reset();
    expect(values).toHaveLength(1);

    await flow.request();
    expect(values.map((view) => view.status)).toEqual(['idle', 'consenting', 'success']);
    unsubscribe();
  });

  it('gives a late subscriber the current view, not the one at creation', async () => {
    const flow = createFlow({ host: createSimulatedHost(), scopes });
    await flow.request();
    expect(get(flow).status).toBe('success');
  });

  it('request() joins the running flow: the host is called once', async () => {
    const host = createSimulatedHost();
    const flow = createFlow({ host, scopes });
    const [first, second] = await Promise.all([flow.request(), flow.request(['auth_user'])]);
    expect(host.calls).toEqual([{ scopes }]);
    expect([first.status, second.status, second.scopes]).toEqual(['success', 'success', scopes]);
  });

  it('request() resolves with the failed view instead of rejecting', async () => {
    const flow = createFlow({ host: createSimulatedHost({ answer: simulatedAnswers.decline() }), scopes });
    const settled = await flow.request();
    expect([settled.status, settled.error?.kind]).toEqual(['failed', 'declined']);
  });

  it('cancel, retry and reset send their events to the actor', async () => {
    const flow = createFlow({
      host: createSimulatedHost({ answer: simulatedAnswers.silence() }),
      scopes,
      timeoutMs: 1,
    });
    await flow.request();
    expect(get(flow).status).toBe('failed');
    flow.retry();
    expect(get(flow).status).toBe('consenting');
    flow.cancel();
    expect(get(flow).status).toBe('idle');
    await flow.request();
    flow.reset();
    expect(get(flow)).toMatchObject({ status: 'idle', error: undefined });
  });
});
