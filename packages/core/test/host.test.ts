import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, setup } from 'xstate';
import { hostCall, type HostEvent } from '../src/machine/host';
import { authCodeMachine, toView, type AuthCodeHost } from '../src/index';
import { createScriptedHost, findHost } from '../src/testing';
import { EMAIL, LOGIN, startFlowActor } from './support/flows';

const globals = globalThis as { my?: unknown };

afterEach(() => {
  delete globals.my;
});

describe('a missing host', () => {
  it('is failed with kind unavailable when there is no global `my`', () => {
    const { actor, view } = startFlowActor({ scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().status).toBe('failed');
    expect(view().error?.kind).toBe('unavailable');
    expect(view().error?.retryable).toBe(false);
    expect(view().error?.message).toMatch(/no global `my` with a getAuthCode function/);
  });

  it('is failed with kind unavailable when `my` has no getAuthCode', () => {
    globals.my = { alert() {} };
    const { actor, view } = startFlowActor({ scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().error?.kind).toBe('unavailable');
  });

  it('names the input when the given host has no getAuthCode', () => {
    const { actor, view } = startFlowActor({ host: {} as never, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().error?.kind).toBe('unavailable');
    expect(view().error?.message).toMatch(/`host` given in the input/);
  });

  it('never throws at import or creation, and is looked up only when a request starts', async () => {
    const getter = vi.fn(() => undefined);
    Object.defineProperty(globalThis, 'my', { get: getter, configurable: true });
    await import('../src/index');
    const actor = createActor(authCodeMachine, { input: { scopes: [LOGIN] } }).start();
    expect(getter).not.toHaveBeenCalled();
    actor.send({ type: 'REQUEST' });
    expect(getter).toHaveBeenCalled();
    expect(toView(actor.getSnapshot()).error?.kind).toBe('unavailable');
  });

  it('treats a host whose getAuthCode getter throws as no host', () => {
    const host = Object.defineProperty({}, 'getAuthCode', {
      get() {
        throw new Error('bridge gone');
      },
    });
    const { actor, view } = startFlowActor({ host: host as AuthCodeHost, scopes: [LOGIN] });
    expect(() => actor.send({ type: 'REQUEST' })).not.toThrow();
    expect(actor.getSnapshot().status).toBe('active');
    expect(view().error?.kind).toBe('unavailable');
  });

  it("reports the failed request's own scopes, not the last flow's", () => {
    const { actor, view } = startFlowActor({ scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().scopes).toEqual([LOGIN]);
    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    expect(view()).toMatchObject({ status: 'failed', scopes: [EMAIL], error: { kind: 'unavailable' } });
  });

  it('treats a global `my` getter that throws as no host', () => {
    Object.defineProperty(globalThis, 'my', {
      get() {
        throw new Error('not in a mini program');
      },
      configurable: true,
    });
    const { actor, view } = startFlowActor({ scopes: [LOGIN] });
    expect(() => actor.send({ type: 'REQUEST' })).not.toThrow();
    expect(view().error?.kind).toBe('unavailable');
  });

  it('never takes a primitive for a host, even one whose prototype has getAuthCode', () => {
    const getAuthCode = vi.fn();
    Object.defineProperty(String.prototype, 'getAuthCode', { value: getAuthCode, configurable: true });
    try {
      expect(findHost('my' as never)).toBeUndefined();
      globals.my = 'my';
      expect(findHost(undefined)).toBeUndefined();
    } finally {
      delete (String.prototype as { getAuthCode?: unknown }).getAuthCode;
    }
    const object = { getAuthCode };
    expect(findHost(object)).toBe(object);
  });

  it('fails a consent restored from storage, whose host did not survive serialization, with a typed error', async () => {
    const { actor } = startFlowActor({ host: createScriptedHost(), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    const stored = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
    // The snapshot keeps its own input: the host, serialized, lost its functions.
    const restored = createActor(authCodeMachine, {
      input: { scopes: [LOGIN] },
      snapshot: JSON.parse(stored),
    });
    restored.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { status, error } = toView(restored.getSnapshot());
    expect(restored.getSnapshot().status).toBe('active');
    expect({ status, kind: error?.kind, message: error?.message }).toEqual({
      status: 'failed',
      kind: 'host',
      message:
        'The host threw when asked for an auth code: The `host` given in the input has no getAuthCode function.',
    });
    restored.stop();
  });

  it('uses the global `my` found when the request starts', () => {
    const { actor, value } = startFlowActor({ scopes: [LOGIN] });
    const manual = createScriptedHost();
    globals.my = manual;
    actor.send({ type: 'REQUEST' });
    expect(value()).toBe('consenting');
    expect(manual.calls).toHaveLength(1);
  });
});

describe('a host that throws synchronously', () => {
  it('is failed with kind host and the thrown error as cause', () => {
    const thrown = new TypeError('getAuthCode is not supported in web-view');
    const throwing = createScriptedHost({ answer: 'throw', error: thrown });
    const { actor, view } = startFlowActor({ host: throwing, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().status).toBe('failed');
    expect(view().error?.kind).toBe('host');
    expect(view().error?.cause).toBe(thrown);
    expect(view().error?.message).toMatch(/getAuthCode is not supported in web-view/);
    expect(throwing.calls.length).toBe(1);
  });
});

describe('only the first answer of a host call counts', () => {
  it('success then fail settles as success', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'first-code' });
    manual.fail({ error: 11 });
    expect(view().status).toBe('success');
    expect(view().authCode).toBe('first-code');
  });

  it('fail then success settles as failed', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.fail({ error: 11 });
    manual.success({ authCode: 'late-code' });
    expect(view().status).toBe('failed');
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('late-code');
  });

  it('two success calls keep the first code', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    const changes = vi.fn();
    actor.subscribe(changes);
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'first-code' });
    const updates = changes.mock.calls.length;
    manual.success({ authCode: 'second-code' });
    expect(view().authCode).toBe('first-code');
    expect(changes).toHaveBeenCalledTimes(updates);
  });

  it('success plus complete settles once', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    const changes = vi.fn();
    actor.send({ type: 'REQUEST' });
    actor.subscribe(changes);
    manual.success({ authCode: 'code-1' });
    manual.complete({ authCode: 'code-1' });
    expect(view().status).toBe('success');
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('a host that calls only complete with a payload still settles the flow', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN, EMAIL] });
    actor.send({ type: 'REQUEST' });
    manual.complete({ authCode: 'code-1', authSuccessScopes: [LOGIN, EMAIL] });
    expect(view().status).toBe('success');
    expect(view().grantedScopes).toEqual([LOGIN, EMAIL]);
  });

  it('complete with a failure payload settles as that failure', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.complete({ error: 11, errorMessage: 'User cancelled' });
    expect(view().error?.kind).toBe('declined');
  });

  it('complete with nothing is an invalid response, not a hang', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.complete();
    expect(view().error?.kind).toBe('invalid-response');
    expect(view().error?.message).toMatch(
      /The host's complete answer had no auth code and no error \(got undefined\)/,
    );
  });

  it('describes a thrown value that cannot be read as such', () => {
    const unreadable = {
      toString() {
        throw new Error('no string');
      },
    };
    const throwing = createScriptedHost({ answer: 'throw', error: unreadable });
    const { actor, view } = startFlowActor({ host: throwing, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().error?.message).toBe(
      'The host threw when asked for an auth code: a reason that could not be read',
    );
    expect(view().error?.cause).toBe(unreadable);
  });

  it('handles a host that answers synchronously, inside getAuthCode', () => {
    const sync = createScriptedHost({
      answer: 'now',
      reply: { via: 'success', payload: { authCode: 'sync-code', authSuccessScopes: [LOGIN] } },
    });
    const { actor, view } = startFlowActor({ host: sync, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().status).toBe('success');
    expect(view().authCode).toBe('sync-code');
    expect(sync.calls).toHaveLength(1);
  });
});

describe('the host call, as an actor of its own', () => {
  /** A parent that keeps its host call running after the answers and records what it reports. */
  function startHostCall(host: AuthCodeHost) {
    const reported: HostEvent[] = [];
    const parent = setup({ actors: { hostCall } }).createMachine({
      invoke: { src: 'hostCall', input: { host, scopes: [LOGIN], timeoutMs: 0 } },
      on: {
        'HOST.*': { actions: ({ event }) => reported.push(event as HostEvent) },
      },
    });
    return { actor: createActor(parent).start(), reported };
  }

  it('reports only the first of several answers', () => {
    const manual = createScriptedHost();
    const { actor, reported } = startHostCall(manual);
    manual.success({ authCode: 'first-code' });
    manual.fail({ error: 11 });
    manual.complete({});
    expect(reported.map((event) => event.type === 'HOST.ANSWER' && event.answer.via)).toEqual(['success']);
    actor.stop();
  });

  it('frees the host as soon as it answered inside getAuthCode, while the call is still running', async () => {
    const sync = createScriptedHost({
      answer: 'now',
      reply: { via: 'success', payload: { authCode: 'now-code' } },
    });
    const { actor, reported } = startHostCall(sync);
    expect(reported).toHaveLength(1);
    const next = startFlowActor({ host: sync, scopes: [LOGIN] });
    next.actor.send({ type: 'REQUEST' });
    await Promise.resolve();
    expect(sync.calls).toHaveLength(2);
    expect(next.view().status).toBe('success');
    actor.stop();
  });
});
