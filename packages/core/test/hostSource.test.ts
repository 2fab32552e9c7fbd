import { afterEach, describe, expect, it, vi } from 'vitest';
import { superAppHostOr } from '../src/hosts';
import type { AuthCodeHost } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN, settle, startFlowActor } from './support/flows';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { my?: unknown }).my;
});

/** A global `my` that counts every read, `typeof my` included. */
function tripWire(value: unknown = undefined) {
  let reads = 0;
  Object.defineProperty(globalThis, 'my', {
    configurable: true,
    get() {
      reads += 1;
      return value;
    },
  });
  return () => reads;
}

describe('a host given as a function', () => {
  it('is called when a request starts, not when the flow is created or started', async () => {
    const scripted = createScriptedHost({ answer: 'now' });
    const source = vi.fn(() => scripted);
    const { actor, view } = startFlowActor({ host: source, scopes: [LOGIN] });
    expect(source).not.toHaveBeenCalled();
    actor.send({ type: 'REQUEST' });
    await settle();
    expect([source.mock.calls.length, scripted.calls.length, view().status]).toEqual([1, 1, 'success']);
  });

  it('may answer with a promise, as a dynamic import does', async () => {
    const scripted = createScriptedHost({ answer: 'now' });
    const { actor, view } = startFlowActor({ host: () => Promise.resolve(scripted), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect(view().status).toBe('success');
  });

  it('is asked again for each request', async () => {
    const scripted = createScriptedHost({ answer: 'now' });
    const source = vi.fn(() => scripted);
    const { actor } = startFlowActor({ host: source, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    await settle();
    actor.send({ type: 'RESET' });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('falls back to the global `my` when it answers undefined', async () => {
    const scripted = createScriptedHost({ answer: 'now' });
    (globalThis as { my?: unknown }).my = scripted;
    const { actor, view } = startFlowActor({ host: () => undefined, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect([scripted.calls.length, view().status]).toEqual([1, 'success']);
  });

  it('fails with kind host when it throws or rejects, its error the cause', async () => {
    const broken = new Error('no host module');
    for (const host of [
      () => {
        throw broken;
      },
      () => Promise.reject(broken),
    ]) {
      const { actor, view } = startFlowActor({ host, scopes: [LOGIN] });
      actor.send({ type: 'REQUEST' });
      await settle();
      expect(view().error).toMatchObject({ kind: 'host', cause: broken });
    }
  });

  it('never calls the host it gives once the flow was cancelled while it was being found', async () => {
    const scripted = createScriptedHost({ answer: 'later' });
    let give: (host: AuthCodeHost) => void = () => {};
    const { actor, view } = startFlowActor({
      host: () => new Promise<AuthCodeHost>((resolve) => (give = resolve)),
      scopes: [LOGIN],
    });
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    await settle();
    give(scripted);
    await settle();
    expect([scripted.calls.length, view().status]).toEqual([0, 'idle']);
  });

  it('counts the time it takes against the request’s timeout', async () => {
    vi.useFakeTimers();
    const { actor, view } = startFlowActor({
      host: () => new Promise<AuthCodeHost>(() => {}),
      scopes: [LOGIN],
      timeoutMs: 1000,
    });
    actor.send({ type: 'REQUEST' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(view().error?.kind).toBe('timeout');
  });

  it('is not a missing host: the flow does not fail before asking it', () => {
    const { actor, view } = startFlowActor({
      host: () => new Promise<AuthCodeHost>(() => {}),
      scopes: [LOGIN],
    });
    actor.send({ type: 'REQUEST' });
    expect(view().status).toBe('consenting');
  });
});

describe('superAppHostOr', () => {
  it('reads nothing of `my` until a request starts', () => {
    const reads = tripWire();
    const fallback = vi.fn(() => createScriptedHost());
    startFlowActor({ host: superAppHostOr(fallback), scopes: [LOGIN] });
    expect([reads(), fallback.mock.calls.length]).toEqual([0, 0]);
  });

  it('uses the super app’s `my` inside a super app, and never runs the fallback', async () => {
    const superApp = createScriptedHost({ answer: 'now' });
    tripWire(superApp);
    const fallback = vi.fn(() => createScriptedHost());
    const { actor, view } = startFlowActor({ host: superAppHostOr(fallback), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect([superApp.calls.length, fallback.mock.calls.length, view().status]).toEqual([1, 0, 'success']);
  });

  it('uses the fallback outside a super app, a promise of one too', async () => {
    const simulated = createScriptedHost({ answer: 'now' });
    const { actor, view } = startFlowActor({
      host: superAppHostOr(() => Promise.resolve(simulated)),
      scopes: [LOGIN],
    });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect([simulated.calls.length, view().status]).toEqual([1, 'success']);
  });

  it('treats a `my` without getAuthCode (a web-view bridge) as outside a super app', async () => {
    tripWire({ postMessage() {} });
    const simulated = createScriptedHost({ answer: 'now' });
    const { actor } = startFlowActor({ host: superAppHostOr(() => simulated), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect(simulated.calls).toHaveLength(1);
  });
});
