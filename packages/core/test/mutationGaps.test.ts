// Behaviours that mutation testing found asserted nowhere (docs/mutation-testing.md). Imports the
// modules themselves, not the package root, so that reorganising the entry points leaves these alone.
import { createActor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { findHost } from '../src/machine/host';
import { authCodeMachine } from '../src/machine/machine';
import { prepareRequest } from '../src/machine/request';
import { resolveAnswer } from '../src/machine/resolve';
import type { AuthCodeHost, AuthCodeInput, GetAuthCodeOptions } from '../src/types';
import { toView } from '../src/view/view';

const LOGIN = 'USER_LOGIN_ID';
const EMAIL = 'USER_CONTACTINFO_EMAIL';
const request = { scopes: [LOGIN, EMAIL], required: [LOGIN] };

/** A host that answers every call at once, through `via`, with `payload`. */
function answeringHost(via: 'success' | 'fail' | 'complete', payload: unknown): AuthCodeHost {
  return { getAuthCode: (options: GetAuthCodeOptions) => options[via]?.(payload as never) };
}

function runFlow(input: AuthCodeInput<unknown>) {
  const actor = createActor(authCodeMachine, { input }).start();
  actor.send({ type: 'REQUEST' });
  return actor;
}

describe('deniedScopes of a failed flow', () => {
  it('lists the scopes the host denied when it issued no code', () => {
    const actor = runFlow({
      host: answeringHost('fail', { authErrorScopes: { [LOGIN]: '40006' } }),
      scopes: [LOGIN],
    });
    const view = toView(actor.getSnapshot());
    expect(view.status).toBe('failed');
    expect(view.deniedScopes).toEqual({ [LOGIN]: '40006' });
    expect(view.error?.scopes).toEqual({ [LOGIN]: '40006' });
    actor.stop();
  });

  it('lists the denied required scope when the host issued a code without it', () => {
    const actor = runFlow({
      host: answeringHost('success', {
        authCode: 'CODE-0001',
        authSuccessScopes: [EMAIL],
        authErrorScopes: { [LOGIN]: '40006' },
      }),
      ...request,
    });
    const view = toView(actor.getSnapshot());
    expect(view.status).toBe('failed');
    expect(view.deniedScopes).toEqual({ [LOGIN]: '40006' });
    actor.stop();
  });

  it('is empty, not undefined, when the failure names no scope', () => {
    const actor = runFlow({ host: answeringHost('fail', { error: 11 }), scopes: [LOGIN] });
    const view = toView(actor.getSnapshot());
    expect(view.status).toBe('failed');
    expect(view.deniedScopes).toEqual({});
    actor.stop();
  });

  it('a failure after a partial grant replaces the grant’s denied scopes', () => {
    const host = {
      calls: [] as GetAuthCodeOptions[],
      getAuthCode: (o: GetAuthCodeOptions) => void host.calls.push(o),
    };
    const actor = createActor(authCodeMachine, { input: { host, ...request } }).start();
    actor.send({ type: 'REQUEST' });
    host.calls[0]!.success?.({
      authCode: 'CODE-0001',
      authSuccessScopes: [LOGIN],
      authErrorScopes: { [EMAIL]: '40006' },
    } as never);
    expect(toView(actor.getSnapshot()).deniedScopes).toEqual({ [EMAIL]: '40006' });
    actor.send({ type: 'REQUEST' });
    host.calls[1]!.fail?.({ error: 11 } as never);
    expect(toView(actor.getSnapshot()).deniedScopes).toEqual({});
    actor.stop();
  });
});

describe('host error codes that are not finite numbers', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'a fail with error %s is an invalid response, not a host error with that code',
    (code) => {
      const { error } = resolveAnswer({ via: 'fail', payload: { error: code } }, request);
      expect(error?.kind).toBe('invalid-response');
      expect(error?.code).toBeUndefined();
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('a per-scope code %s is left out', (code) => {
    const { error } = resolveAnswer(
      { via: 'fail', payload: { authErrorScopes: { [LOGIN]: code, [EMAIL]: 40006 } } },
      request,
    );
    expect(error?.kind).toBe('scope');
    expect(error?.scopes).toEqual({ [EMAIL]: '40006' });
  });

  it('a finite number code is read as its string', () => {
    const { error } = resolveAnswer({ via: 'fail', payload: { error: 11 } }, request);
    expect(error?.code).toBe('11');
  });
});

describe('timeoutMs and setTimeout’s limit', () => {
  it('accepts 2^31 - 1 ms, the longest delay setTimeout keeps', () => {
    expect(prepareRequest({}, { scopes: [LOGIN], timeoutMs: 2 ** 31 - 1 }).error).toBeUndefined();
  });

  it.each([2 ** 31, 2 ** 32, Number.POSITIVE_INFINITY])(
    'rejects %s ms, which setTimeout would run at once',
    (timeoutMs) => {
      const { error } = prepareRequest({}, { scopes: [LOGIN], timeoutMs });
      expect(error?.kind).toBe('invalid-request');
      expect(error?.message).toMatch(/timeoutMs/);
    },
  );

  it('a flow with timeoutMs 2^31 fails as an invalid request and never calls the host', () => {
    const getAuthCode = vi.fn();
    const actor = runFlow({ host: { getAuthCode }, scopes: [LOGIN], timeoutMs: 2 ** 31 });
    expect(toView(actor.getSnapshot()).error?.kind).toBe('invalid-request');
    expect(getAuthCode).not.toHaveBeenCalled();
    actor.stop();
  });

  it('a flow with timeoutMs 2^31 - 1 waits for the host instead of timing out at once', () => {
    vi.useFakeTimers();
    try {
      const getAuthCode = vi.fn();
      const actor = runFlow({ host: { getAuthCode }, scopes: [LOGIN], timeoutMs: 2 ** 31 - 1 });
      vi.advanceTimersByTime(60_000);
      expect(actor.getSnapshot().value).toBe('consenting');
      expect(getAuthCode).toHaveBeenCalledTimes(1);
      actor.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a host that is a function object', () => {
  it('is found when it has a getAuthCode function', () => {
    const host = Object.assign(function bridge() {}, { getAuthCode: () => {} });
    expect(findHost(host as unknown as AuthCodeHost)).toBe(host);
  });

  it('gets the call and its answer settles the flow', () => {
    const host = Object.assign(function bridge() {}, {
      getAuthCode: (options: GetAuthCodeOptions) =>
        options.success?.({ authCode: 'CODE-0001', authSuccessScopes: [LOGIN] } as never),
    });
    const actor = runFlow({ host: host as unknown as AuthCodeHost, scopes: [LOGIN] });
    expect(toView(actor.getSnapshot()).status).toBe('success');
    expect(toView(actor.getSnapshot()).grantedScopes).toEqual([LOGIN]);
    actor.stop();
  });

  it('a function without getAuthCode is no host', () => {
    expect(findHost(function bridge() {} as unknown as AuthCodeHost)).toBeUndefined();
  });
});

describe('the host call’s timer', () => {
  it('is cleared when the flow is cancelled: no timer is left behind', async () => {
    vi.useFakeTimers();
    try {
      const actor = runFlow({ host: { getAuthCode: () => {} }, scopes: [LOGIN], timeoutMs: 30_000 });
      expect(vi.getTimerCount()).toBe(1);
      actor.send({ type: 'CANCEL' });
      // The invoked call is disposed in a promise job (a restart in the same task keeps it).
      await Promise.resolve();
      await Promise.resolve();
      expect(vi.getTimerCount()).toBe(0);
      actor.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
