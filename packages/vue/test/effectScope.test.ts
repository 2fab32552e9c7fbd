import { createScriptedHost, createSimulatedHost } from '@authcode/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useAuthCode } from '../src/index';
import { macrotask } from './macrotask';

const scopes = ['USER_LOGIN_ID'];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('useAuthCode in a bare effectScope', () => {
  it('runs the flow and updates its refs without a component', async () => {
    const scope = effectScope();
    const flow = scope.run(() => useAuthCode({ host: createSimulatedHost(), scopes }))!;
    const settled = await flow.request();
    expect(settled.status).toBe('success');
    expect(flow.status.value).toBe('success');
    expect(flow.grantedScopes.value).toEqual(scopes);
    scope.stop();
  });

  it('stops the actor when the scope stops, and drops the late answer', async () => {
    const host = createScriptedHost();
    const scope = effectScope();
    const flow = scope.run(() => useAuthCode({ host, scopes }))!;
    void flow.request();
    expect(flow.status.value).toBe('consenting');

    scope.stop();
    expect(flow.actorRef.getSnapshot().status).toBe('stopped');
    host.grantAll();
    await macrotask();
    expect(flow.status.value).toBe('consenting');
    expect(flow.authCode.value).toBeUndefined();
  });

  it('does not warn inside a scope', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const scope = effectScope();
    scope.run(() => useAuthCode({ host: createScriptedHost() }));
    scope.stop();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns outside any scope, saying how to stop the flow', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const flow = useAuthCode({ host: createScriptedHost() });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/effectScope\(\).*actorRef\.stop\(\)/s);
    expect(flow.actorRef.getSnapshot().status).toBe('active');
    flow.actorRef.stop();
  });

  it('does not warn outside a scope in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const flow = useAuthCode({ host: createScriptedHost() });
    expect(warn).not.toHaveBeenCalled();
    flow.actorRef.stop();
  });
});
