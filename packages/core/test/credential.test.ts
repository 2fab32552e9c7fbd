import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine, type AuthCodeInput } from '../src/index';
import { DEFAULT_CODE_LIFETIME_MS, DEFAULT_EXCHANGE_TIMEOUT_MS } from '../src/machine/machine';
import { revealCode } from '../src/credential/secret';
import { createScriptedHost } from '../src/testing';
import { LOGIN, settle, startFlowActor } from './support/flows';
import { createExchange } from '../src/exchange';

const CODE = 'CREDENTIAL-0123456789';
const grantOnce = () =>
  createScriptedHost({ answer: 'now', reply: { via: 'success', payload: { authCode: CODE } } });

describe('a persisted snapshot restored from storage', () => {
  it('never holds the code: a restored success expires at once (view: failed, kind expired, no code)', async () => {
    const { actor, view } = startFlowActor({ host: grantOnce(), scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().authCode).toBe(CODE);
    const stored = JSON.stringify(actor.getPersistedSnapshot());
    expect(stored).not.toContain(CODE);
    actor.stop();

    const restored = createActor(authCodeMachine, {
      input: { host: grantOnce(), scopes: [LOGIN] },
      snapshot: JSON.parse(stored),
    }).start();
    await settle();
    const snapshot = restored.getSnapshot();
    expect(snapshot.status).toBe('active');
    expect(snapshot.value).toBe('failed');
    expect(snapshot.context.authCode).toBeUndefined();
    expect(snapshot.context.error).toMatchObject({ kind: 'expired', retryable: true });
    restored.stop();
  });

  it('a restored exchanging state does not call exchange with the mask: it fails with kind expired', async () => {
    const exchange = vi.fn(() => new Promise(() => {}));
    const { actor } = startFlowActor({
      host: grantOnce(),
      scopes: [LOGIN],
      exchange: createExchange(exchange),
    });
    actor.send({ type: 'REQUEST' });
    const stored = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
    exchange.mockClear();

    const restored = createActor(authCodeMachine, {
      input: { host: grantOnce(), scopes: [LOGIN], exchange: createExchange(exchange) },
      snapshot: JSON.parse(stored),
    }).start();
    await settle();
    expect(exchange).not.toHaveBeenCalled();
    expect(restored.getSnapshot().context.error?.kind).toBe('expired');
    restored.stop();
  });
});

describe('errors of an exchange that mentions the code', () => {
  it('masks the code in the message and keeps a scrubbed copy as the cause', async () => {
    const { actor, view } = startFlowActor({
      host: grantOnce(),
      scopes: [LOGIN],
      exchange: createExchange(async (grant) => {
        const error = new TypeError(`bad code ${grant.authCode}`);
        throw error;
      }),
    });
    actor.send({ type: 'REQUEST' });
    await settle();
    const error = view().error!;
    expect(error.kind).toBe('exchange');
    expect(error.message).toBe('Exchanging the auth code failed: bad code CRED…');
    const cause = error.cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(cause.name).toBe('TypeError');
    expect(`${cause.message} ${cause.stack}`).not.toContain(CODE);
  });

  it('keeps a rejection that does not mention the code as it is', async () => {
    const rejection = new Error('EXPIRED_CODE');
    const { actor, view } = startFlowActor({
      host: grantOnce(),
      scopes: [LOGIN],
      exchange: createExchange(() => Promise.reject(rejection)),
    });
    actor.send({ type: 'REQUEST' });
    await settle();
    expect(view().error?.cause).toBe(rejection);
  });

  it('scrubs strings and replaces objects that hold the code', async () => {
    const reasons: unknown[] = [`code ${CODE} already used`, { detail: CODE }];
    for (const reason of reasons) {
      const { actor, view } = startFlowActor({
        host: grantOnce(),
        scopes: [LOGIN],
        exchange: createExchange(() => Promise.reject(reason)),
      });
      actor.send({ type: 'REQUEST' });
      await settle();
      const error = view().error!;
      expect(`${error.message} ${JSON.stringify(error.cause)} ${String(error.cause)}`).not.toContain(CODE);
      expect(error.kind).toBe('exchange');
    }
  });
});

describe('REQUEST validation', () => {
  it('reads a REQUEST once: the guard and the action share one validation', () => {
    const { actor, view } = startFlowActor({ host: createScriptedHost() });
    let reads = 0;
    const event = {
      type: 'REQUEST' as const,
      get scopes() {
        reads++;
        return [LOGIN];
      },
    };
    actor.send(event);
    expect(view().status).toBe('consenting');
    expect(reads).toBe(1);
  });

  it('a REQUEST whose scopes throw when read fails as invalid-request, not as an actor error', () => {
    const { actor, view } = startFlowActor({ host: createScriptedHost() });
    const event = {
      type: 'REQUEST' as const,
      get scopes(): string[] {
        throw new Error('proxy trap');
      },
    };
    expect(() => actor.send(event)).not.toThrow();
    expect(actor.getSnapshot().status).toBe('active');
    expect(view().error?.kind).toBe('invalid-request');
  });

  it.each([
    ['codeLifetimeMs', -1],
    ['codeLifetimeMs', 2 ** 31],
    ['exchangeTimeoutMs', Number.NaN],
    ['exchangeTimeoutMs', '30000'],
  ])('rejects %s = %s as invalid-request', (name, value) => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({
      host: manual,
      scopes: [LOGIN],
      [name]: value,
    } as AuthCodeInput);
    actor.send({ type: 'REQUEST' });
    expect(view().error?.kind).toBe('invalid-request');
    expect(view().error?.message).toContain(`\`${name}\` must be 0 (no limit) or a number of milliseconds`);
    expect(manual.calls).toHaveLength(0);
  });
});

describe('timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('code lifetime', () => {
    it('drops a code not exchanged within five minutes: failed, kind expired, retryable', () => {
      const manual = createScriptedHost();
      const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
      actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      const sealed = actor.getSnapshot().context.authCode;
      vi.advanceTimersByTime(DEFAULT_CODE_LIFETIME_MS - 1);
      expect(view().authCode).toBe(CODE);
      vi.advanceTimersByTime(1);
      expect(view()).toMatchObject({ status: 'failed', authCode: undefined });
      expect(view().error).toMatchObject({ kind: 'expired', retryable: true });
      expect(revealCode(sealed)).toBeUndefined();
      expect(DEFAULT_CODE_LIFETIME_MS).toBe(300_000);

      actor.send({ type: 'RETRY' });
      expect(manual.calls).toHaveLength(2);
      manual.success({ authCode: 'SECOND-CODE-1' });
      expect(view().authCode).toBe('SECOND-CODE-1');
    });

    it('follows codeLifetimeMs, and keeps the code until the flow leaves success when it is 0', () => {
      const manual = createScriptedHost();
      const short = startFlowActor({ host: manual, scopes: [LOGIN], codeLifetimeMs: 1000 });
      short.actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      vi.advanceTimersByTime(1000);
      expect(short.view().error?.kind).toBe('expired');

      const kept = startFlowActor({ host: manual, scopes: [LOGIN], codeLifetimeMs: 0 });
      kept.actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      vi.advanceTimersByTime(24 * 60 * 60 * 1000);
      expect(kept.view().authCode).toBe(CODE);
    });

    it('drops the code from memory when the flow leaves success', async () => {
      const manual = createScriptedHost();
      const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], codeLifetimeMs: 0 });
      actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      const sealed = actor.getSnapshot().context.authCode;
      expect(revealCode(sealed)).toBe(CODE);
      actor.send({ type: 'RESET' });
      await vi.advanceTimersByTimeAsync(0);
      expect(view().status).toBe('idle');
      expect(revealCode(sealed)).toBeUndefined();
    });
  });

  describe('exchange timeout', () => {
    it('aborts the signal after 30 s and fails with kind exchange-timeout, retryable', async () => {
      let signal: AbortSignal | undefined;
      const exchange = vi.fn((_grant: unknown, context: { signal: AbortSignal }) => {
        signal = context.signal;
        return new Promise<never>(() => {});
      });
      const manual = createScriptedHost();
      const { actor, view } = startFlowActor({
        host: manual,
        scopes: [LOGIN],
        exchange: createExchange(exchange),
      });
      actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      await vi.advanceTimersByTimeAsync(DEFAULT_EXCHANGE_TIMEOUT_MS - 1);
      expect(view().status).toBe('exchanging');
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(view().status).toBe('failed');
      expect(view().error).toMatchObject({ kind: 'exchange-timeout', retryable: true });
      expect(view().error?.message).toBe('The exchange did not settle within 30000 ms.');
      expect(signal?.aborted).toBe(true);
      expect(signal?.reason).toBe(view().error);
      expect(DEFAULT_EXCHANGE_TIMEOUT_MS).toBe(30_000);

      actor.send({ type: 'RETRY' });
      expect(manual.calls).toHaveLength(2);
    });

    it('waits for ever when exchangeTimeoutMs is 0', async () => {
      const manual = createScriptedHost();
      const { actor, view } = startFlowActor({
        host: manual,
        scopes: [LOGIN],
        exchangeTimeoutMs: 0,
        exchange: createExchange(() => new Promise(() => {})),
      });
      actor.send({ type: 'REQUEST' });
      manual.success({ authCode: CODE });
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
      expect(view().status).toBe('exchanging');
    });
  });
});
