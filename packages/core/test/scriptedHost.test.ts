import { describe, expect, it, vi } from 'vitest';
import { requestAuthCode } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN, EMAIL, startFlowActor } from './support/flows';

const optionsFor = (scopes: string[]) => ({ scopes, success: vi.fn(), fail: vi.fn(), complete: vi.fn() });

describe('createScriptedHost', () => {
  it('answers later by default: keeps the call, and grants it when told, success then complete', () => {
    const host = createScriptedHost();
    const call = optionsFor([LOGIN, EMAIL]);
    host.getAuthCode(call);
    expect(host.calls).toEqual([call]);
    expect(call.success).not.toHaveBeenCalled();
    host.grant();
    const grant = { authCode: 'SCRIPTED-CODE-0001', authSuccessScopes: [LOGIN, EMAIL], authErrorScopes: {} };
    expect(call.success).toHaveBeenCalledWith(grant);
    expect(call.complete).toHaveBeenCalledWith(grant);
    expect(call.success.mock.invocationCallOrder[0]).toBeLessThan(call.complete.mock.invocationCallOrder[0]!);
  });

  it('answers now, before getAuthCode returns: a full grant, or the reply it was given', async () => {
    const granting = createScriptedHost({ answer: 'now' }, { authCode: 'NOW-CODE' });
    await expect(requestAuthCode({ host: granting, scopes: [LOGIN] })).resolves.toMatchObject({
      authCode: 'NOW-CODE',
      grantedScopes: [LOGIN],
    });
    const failing = createScriptedHost({ answer: 'now', reply: { via: 'fail', payload: { error: 11 } } });
    await expect(requestAuthCode({ host: failing, scopes: [LOGIN] })).rejects.toMatchObject({
      kind: 'declined',
      code: '11',
    });
  });

  it('answers twice: both replies reach the callbacks, and the flow keeps the first', () => {
    const host = createScriptedHost({
      answer: 'twice',
      first: { via: 'fail', payload: { error: 11 } },
      second: { via: 'success', payload: { authCode: 'SECOND' } },
    });
    const call = optionsFor([LOGIN]);
    host.getAuthCode(call);
    expect(call.fail).toHaveBeenCalledWith({ error: 11 });
    expect(call.success).toHaveBeenCalledWith({ authCode: 'SECOND' });

    const { actor, view } = startFlowActor({ host, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view()).toMatchObject({ status: 'failed', authCode: undefined });
    expect(view().error?.code).toBe('11');
    actor.stop();
  });

  it('never answers by itself', () => {
    const host = createScriptedHost({ answer: 'never' });
    const { actor, view } = startFlowActor({ host, scopes: [LOGIN], timeoutMs: 0 });
    actor.send({ type: 'REQUEST' });
    expect(view().status).toBe('consenting');
    expect(host.calls).toHaveLength(1);
    actor.stop();
  });

  it('throws from getAuthCode, and still records the call', () => {
    const error = new Error('not in a web-view');
    const host = createScriptedHost({ answer: 'throw', error });
    expect(() => host.getAuthCode(optionsFor([LOGIN]))).toThrow(error);
    expect(host.calls).toHaveLength(1);
  });

  it('answers any call by index or options, with any payload; grantAll grants every call', () => {
    const host = createScriptedHost();
    const first = optionsFor([LOGIN]);
    const second = optionsFor([EMAIL]);
    host.getAuthCode(first);
    host.getAuthCode(second);
    host.fail({ error: 3 }, 0);
    host.complete(undefined, second);
    host.success('not an object', first);
    expect(first.fail).toHaveBeenCalledWith({ error: 3 });
    expect(second.complete).toHaveBeenCalledWith(undefined);
    expect(first.success).toHaveBeenCalledWith('not an object');
    host.grantAll('ALL');
    expect(second.success).toHaveBeenCalledWith({
      authCode: 'ALL',
      authSuccessScopes: [EMAIL],
      authErrorScopes: {},
    });
    expect(() => host.grant(5)).toThrow(/no call 5/);
  });

  it('keeps no calls with record: false', () => {
    const host = createScriptedHost({ answer: 'now' }, { record: false });
    host.getAuthCode(optionsFor([LOGIN]));
    expect(host.calls).toHaveLength(0);
  });

  it('skips the callbacks a call did not pass', () => {
    const host = createScriptedHost();
    const complete = vi.fn();
    host.getAuthCode({ scopes: [LOGIN], complete });
    host.grant();
    host.fail({ error: 11 });
    expect(complete.mock.calls).toEqual([
      [{ authCode: 'SCRIPTED-CODE-0001', authSuccessScopes: [LOGIN], authErrorScopes: {} }],
    ]);
  });
});
