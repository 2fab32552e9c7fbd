import { viewEquals, type AuthCodeInput } from '@authcode/core';
import { createScriptedHost, createSimulatedHost, simulatedAnswers } from '@authcode/core/testing';
import { act } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { expect, it } from 'vitest';
import { describeEachReactMode } from './support/reactModes';
import { nextMacrotask, viewOf } from './support/reactDriver';
import { renderFlow } from './support/renderFlow';
import { createExchange } from '@authcode/core/exchange';

const LOGIN = 'USER_LOGIN_ID';

describeEachReactMode('useAuthCode', (mode) => {
  const mount = (input?: AuthCodeInput<unknown>) => renderFlow(mode, input);

  it('renders the idle view before any request', () => {
    const flow = mount({ host: createScriptedHost(), scopes: [LOGIN] });
    expect(viewOf(flow.current)).toEqual({
      status: 'idle',
      isLoading: false,
      // What `request()` will ask for, so the page can list it before the button is pressed.
      scopes: [LOGIN],
      requiredScopes: [LOGIN],
      authCode: undefined,
      grantedScopes: [],
      deniedScopes: {},
      session: undefined,
      error: undefined,
    });
    expect(flow.container.textContent).toBe('idle');
  });

  it('renders the consent, then the grant the host answered with', async () => {
    const host = createScriptedHost();
    const flow = mount({ host, scopes: [LOGIN] });
    flow.clickRequest();
    expect([flow.current.status, flow.current.isLoading, flow.current.scopes]).toEqual([
      'consenting',
      true,
      [LOGIN],
    ]);
    host.grant(host.calls[0]!, 'CODE-FROM-HOST');
    await nextMacrotask();
    expect([flow.current.status, flow.current.authCode, flow.current.grantedScopes]).toEqual([
      'success',
      'CODE-FROM-HOST',
      [LOGIN],
    ]);
    expect(flow.container.textContent).toBe('success');
  });

  it('request() resolves with the settled view and never rejects', async () => {
    const declined = mount({
      host: createSimulatedHost({ answer: simulatedAnswers.decline() }),
      scopes: [LOGIN],
    });
    const invalid = mount({ host: createScriptedHost(), scopes: [] });
    // No host and no global `my`: the button's `() => request()` must not reject either.
    const unavailable = mount({ scopes: [LOGIN] });
    unavailable.clickRequest();
    const settled = await Promise.all([declined.current.request(), invalid.current.request()]);
    expect(settled.map((view) => [view.status, view.error?.kind])).toEqual([
      ['failed', 'declined'],
      ['failed', 'invalid-request'],
    ]);
    expect([unavailable.current.status, unavailable.current.error?.kind]).toEqual(['failed', 'unavailable']);
  });

  it('request() while a flow runs joins it: one host call, one settled view', async () => {
    const host = createScriptedHost();
    const flow = mount({ host, scopes: [LOGIN] });
    let first!: ReturnType<typeof flow.current.request>;
    let second!: ReturnType<typeof flow.current.request>;
    act(() => {
      first = flow.current.request();
      second = flow.current.request([LOGIN, 'USER_NAME']);
    });
    host.grant(host.calls[0]!);
    const [a, b] = await Promise.all([first, second]);
    expect(host.calls).toHaveLength(1);
    expect(a.status).toBe('success');
    expect(viewEquals(a, b)).toBe(true);
  });

  it('calls the host exactly once per request()', async () => {
    const host = createScriptedHost();
    const flow = mount({ host, scopes: [LOGIN] });
    flow.clickRequest();
    expect(host.calls).toHaveLength(1);
    host.grant(host.calls[0]!);
    await nextMacrotask();
    flow.clickRequest();
    expect(host.calls).toHaveLength(2);
    host.grant(host.calls[1]!);
    await nextMacrotask();
    expect(flow.current.status).toBe('success');
    expect(host.calls).toHaveLength(2);
  });

  it('keeps request, cancel, retry, reset and actorRef identical across renders', async () => {
    const host = createScriptedHost();
    const flow = mount({ host, scopes: [LOGIN] });
    flow.clickRequest();
    host.grant(host.calls[0]!);
    await nextMacrotask();
    // React 18's StrictMode drops the memos of the first of its two mount renders (React 19 reuses
    // them); that render never commits, so on React 18 identity holds from the second render on.
    const committed = mode.strict && reactVersion.startsWith('18.') ? flow.renders.slice(1) : flow.renders;
    const [first, ...later] = committed;
    expect(later.length).toBeGreaterThan(1);
    for (const render of later) {
      expect(render.request).toBe(first!.request);
      expect(render.cancel).toBe(first!.cancel);
      expect(render.retry).toBe(first!.retry);
      expect(render.reset).toBe(first!.reset);
      expect(render.actorRef).toBe(first!.actorRef);
    }
  });

  it('reads its input once, at mount', () => {
    const firstHost = createScriptedHost();
    const laterHost = createScriptedHost();
    const flow = mount({ host: firstHost, scopes: [LOGIN] });
    flow.rerender({ host: laterHost, scopes: ['USER_NAME'] });
    flow.clickRequest();
    expect(firstHost.calls.map((call) => call.scopes)).toEqual([[LOGIN]]);
    expect(laterHost.calls).toHaveLength(0);
  });

  it('renders the session that exchange resolved with, and no auth code', async () => {
    const flow = mount({
      host: createSimulatedHost(),
      scopes: [LOGIN],
      exchange: createExchange(async (grant) => ({ user: 'u-1', scopes: grant.grantedScopes })),
    });
    const settled = await flow.current.request();
    await nextMacrotask();
    expect(settled.session).toEqual({ user: 'u-1', scopes: [LOGIN] });
    expect([flow.current.status, flow.current.session, flow.current.authCode]).toEqual([
      'success',
      { user: 'u-1', scopes: [LOGIN] },
      undefined,
    ]);
  });
});
