import { maskAuthCode } from '@authcode/core';
import { createScriptedHost, createSimulatedHost, simulatedAnswers } from '@authcode/core/testing';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RunesSignIn from './components/RunesSignIn.svelte';
import { mountRunesFlow } from './runesDriver';

const scopes = ['auth_base'];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const status = () => screen.getByTestId('status').textContent;

describe('useAuthCode (runes) in a component', () => {
  it('renders each field read without `$`, through a request to success', async () => {
    const host = createScriptedHost();
    render(RunesSignIn, { props: { input: { host, scopes } } });
    expect(status()).toBe('idle');

    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(status()).toBe('consenting');
    expect(screen.getByRole('button', { name: 'Waiting…' })).toHaveProperty('disabled', true);

    host.grant(host.calls[0]!, 'RUNES-CODE-00000001');
    await tick();
    expect(status()).toBe('success');
    expect(screen.getByTestId('code').textContent).toBe(maskAuthCode('RUNES-CODE-00000001'));
    expect(screen.getByTestId('granted').textContent).toBe('auth_base');
  });

  it('shows a failure with its error and retries it', async () => {
    const answers = [simulatedAnswers.fail(12, 'Network error'), simulatedAnswers.grant()];
    const host = createSimulatedHost({ answer: () => answers.shift()! });
    render(RunesSignIn, { props: { input: { host, scopes } } });

    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(status()).toBe('failed'));
    expect(screen.getByTestId('error').textContent).not.toBe('');

    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(status()).toBe('success'));
    expect(host.calls).toHaveLength(2);
    expect(screen.queryByTestId('error')).toBeNull();
  });

  it('cancels a request back to idle', async () => {
    const host = createScriptedHost();
    render(RunesSignIn, { props: { input: { host, scopes } } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(status()).toBe('idle');
    host.grant(host.calls[0]!, 'LATE-CODE');
    await tick();
    expect(status()).toBe('idle');
  });

  it('renders again only when the view changed', async () => {
    const host = createScriptedHost();
    const { flow, renders, unmount } = mountRunesFlow({ host, scopes });
    flow.cancel();
    flow.reset();
    await tick();
    expect(renders.map((view) => view.status)).toEqual(['idle']);
    const settled = flow.request();
    // Joining the running request changes nothing visible.
    void flow.request();
    await tick();
    host.grant(host.calls[0]!, 'RUNES-CODE-00000002');
    await settled;
    await tick();
    expect(renders.map((view) => view.status)).toEqual(['idle', 'consenting', 'success']);
    unmount();
  });

  it("drops the host's late answer after the component is destroyed: no error, warning or update", async () => {
    const host = createScriptedHost();
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const { flow, renders, unmount } = mountRunesFlow({ host, scopes });
    const settled = flow.request();
    await tick();
    expect(renders.map((view) => view.status)).toEqual(['idle', 'consenting']);

    unmount();
    expect(flow.actorRef.getSnapshot().status).toBe('stopped');
    host.grant(host.calls[0]!, 'LATE-CODE');
    await tick();

    expect(renders).toHaveLength(2);
    expect(flow.status).toBe('consenting');
    expect((await settled).authCode).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it(`leaves no running actor after 200 components`, async () => {
    const host = createScriptedHost();
    const mounted = Array.from({ length: 200 }, () => mountRunesFlow({ host, scopes }));
    const pending = mounted.map(({ flow }) => flow.request());
    await tick();
    for (const { unmount } of mounted) unmount();
    await Promise.all(pending);
    for (const call of host.calls) host.grant(call, 'LATE-CODE');
    await tick();
    expect(mounted.filter(({ flow }) => flow.actorRef.getSnapshot().status === 'active')).toHaveLength(0);
    expect(mounted.filter(({ renders }) => renders.length !== 2)).toHaveLength(0);
    expect(document.body.childElementCount).toBe(0);
  });
});
