import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, LOGIN, startFlowActor } from './support/flows';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('timeout', () => {
  it('fails with kind timeout, retryable, when the host does not answer within timeoutMs', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 5000 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(4999);
    expect(view().status).toBe('consenting');
    vi.advanceTimersByTime(1);
    expect(view().status).toBe('failed');
    expect(view().error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(view().error?.message).toBe('The host did not answer within 5000 ms.');
  });

  it('waits 60 seconds by default', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(DEFAULT_TIMEOUT_MS - 1);
    expect(view().status).toBe('consenting');
    vi.advanceTimersByTime(1);
    expect(view().error?.kind).toBe('timeout');
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
  });

  it('waits forever when timeoutMs is 0', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 0 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    expect(view().status).toBe('consenting');
    manual.success({ authCode: 'code-1' });
    expect(view().status).toBe('success');
  });

  it('a host answer after the timeout is dropped', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 100 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(100);
    manual.success({ authCode: 'late-code' });
    expect(view().status).toBe('failed');
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('late-code');
  });
});

describe('CANCEL', () => {
  it('returns to idle and clears the flow, as RESET does', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    const before = view();
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    expect(view()).toEqual(before);
    expect(actor.getSnapshot().context.request).toBeUndefined();
  });

  it('drops a late answer from the cancelled call, even when a new flow runs', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    manual.success({ authCode: 'late-code' }, 0);
    expect(view().status).toBe('idle');

    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    manual.success({ authCode: 'late-code-again' }, 0);
    expect(view().status).toBe('consenting');
    manual.success({ authCode: 'fresh-code' }, 1);
    expect(view().authCode).toBe('fresh-code');
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('late-code');
  });

  it('is ignored when no flow runs', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1' });
    actor.send({ type: 'CANCEL' });
    expect(view().status).toBe('success');
  });

  it('cancels the timeout too', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 100 });
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    vi.advanceTimersByTime(1000);
    expect(view().status).toBe('idle');
  });
});

describe('RETRY', () => {
  it('runs the same request again with a new host call', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN, EMAIL], required: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.fail({ error: 11 });
    actor.send({ type: 'RETRY' });
    expect(view().status).toBe('consenting');
    expect(view().error).toBeUndefined();
    expect(manual.calls).toHaveLength(2);
    expect(manual.calls[1]?.scopes).toEqual([LOGIN, EMAIL]);
    // The retried flow keeps the original required list: EMAIL stays optional.
    manual.success({ authCode: 'code-2', authErrorScopes: { [EMAIL]: '40006' } });
    expect(view().status).toBe('success');
  });

  it('after a timeout asks the host again, and the first call can no longer answer', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], timeoutMs: 100 });
    actor.send({ type: 'REQUEST' });
    vi.advanceTimersByTime(100);
    actor.send({ type: 'RETRY' });
    manual.success({ authCode: 'stale-code' }, 0);
    expect(view().status).toBe('consenting');
    manual.success({ authCode: 'code-2' }, 1);
    expect(view().authCode).toBe('code-2');
  });

  it('does nothing outside failed', () => {
    const manual = createScriptedHost();
    const { actor } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'RETRY' });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1' });
    actor.send({ type: 'RETRY' });
    expect(manual.calls).toHaveLength(1);
  });

  it('fails as unavailable if the host disappeared since', () => {
    const manual = createScriptedHost();
    const globals = globalThis as { my?: unknown };
    globals.my = manual;
    try {
      const { actor, view } = startFlowActor({ scopes: [LOGIN] });
      actor.send({ type: 'REQUEST' });
      manual.fail({ error: 12 });
      delete globals.my;
      actor.send({ type: 'RETRY' });
      expect(view().error?.kind).toBe('unavailable');
      expect(view().scopes).toEqual([LOGIN]);
    } finally {
      delete globals.my;
    }
  });
});

describe('RESET', () => {
  it.each(['idle', 'consenting', 'success', 'failed'] as const)(
    'from %s returns to idle with nothing of the flow left',
    (from) => {
      const manual = createScriptedHost();
      const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
      const initial = actor.getSnapshot().context;
      if (from !== 'idle') actor.send({ type: 'REQUEST' });
      if (from === 'success') manual.success({ authCode: 'code-1' });
      if (from === 'failed') manual.fail({ authErrorScopes: { [LOGIN]: '40006' } });
      expect(view().status).toBe(from);

      actor.send({ type: 'RESET' });
      expect(view().status).toBe('idle');
      expect(actor.getSnapshot().context).toEqual(initial);
      expect(JSON.stringify(actor.getSnapshot())).not.toContain('code-1');
    },
  );

  it('drops a late answer of the reset call', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'RESET' });
    manual.success({ authCode: 'late-code' });
    expect(view().status).toBe('idle');
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('late-code');
  });
});
