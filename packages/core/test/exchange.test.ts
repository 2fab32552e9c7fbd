import { describe, expect, it, vi } from 'vitest';
import { createActor, setup } from 'xstate';
import { exchangeCode, type ExchangeEvent } from '../src/machine/exchange';
import { sealCode } from '../src/credential/secret';
import { authCodeMachine, type AuthCodeGrant, type ExchangeContext } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, LOGIN, settle, startFlowActor } from './support/flows';
import { createExchange } from '../src/exchange';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function startExchangeFlow() {
  const manual = createScriptedHost();
  const pending: ReturnType<typeof deferred<unknown>>[] = [];
  const exchange = vi.fn((_grant: AuthCodeGrant, _context: ExchangeContext) => {
    const next = deferred<unknown>();
    pending.push(next);
    return next.promise;
  });
  const flow = startFlowActor({
    host: manual,
    scopes: [LOGIN, EMAIL],
    required: [LOGIN],
    exchange: createExchange(exchange),
  });
  flow.actor.send({ type: 'REQUEST' });
  manual.success({ authCode: 'code-1', authSuccessScopes: [LOGIN], authErrorScopes: { [EMAIL]: '40006' } });
  return { ...flow, manual, exchange, pending };
}

describe('exchange', () => {
  it('enters exchanging after resolution and calls exchange once with the grant', () => {
    const { value, exchange, view } = startExchangeFlow();
    expect(value()).toBe('exchanging');
    expect(view().isLoading).toBe(true);
    expect(view().authCode).toBeUndefined();
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange.mock.calls[0]?.[0]).toEqual({
      authCode: 'code-1',
      grantedScopes: [LOGIN],
      deniedScopes: { [EMAIL]: '40006' },
      scopes: [LOGIN, EMAIL],
    });
  });

  it('reaches success with the session, and the spent code removed from context', async () => {
    const { actor, view, pending } = startExchangeFlow();
    pending[0]!.resolve({ userId: 'u-1' });
    await settle();
    expect(view()).toMatchObject({ status: 'success', session: { userId: 'u-1' }, authCode: undefined });
    expect(view().grantedScopes).toEqual([LOGIN]);
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('code-1');
  });

  it('a rejection is kind exchange with the rejection as cause, and the code is gone', async () => {
    const { actor, view, pending } = startExchangeFlow();
    const reason = new Error('EXPIRED_CODE');
    pending[0]!.reject(reason);
    await settle();
    expect(view().status).toBe('failed');
    expect(view().error).toMatchObject({ kind: 'exchange', retryable: true });
    expect(view().error?.cause).toBe(reason);
    expect(view().error?.message).toBe('Exchanging the auth code failed: EXPIRED_CODE');
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('code-1');
  });

  it('an exchange that throws synchronously is a rejection too', async () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({
      host: manual,
      scopes: [LOGIN],
      exchange: createExchange(() => {
        throw new TypeError('fetch is not defined');
      }),
    });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1' });
    await settle();
    expect(view().error?.kind).toBe('exchange');
    expect(view().error?.message).toMatch(/fetch is not defined/);
  });

  it('RETRY after a failed exchange asks the host for a new code', async () => {
    const { actor, manual, exchange, pending, view } = startExchangeFlow();
    pending[0]!.reject(new Error('EXPIRED_CODE'));
    await settle();
    actor.send({ type: 'RETRY' });
    expect(view().status).toBe('consenting');
    expect(manual.calls).toHaveLength(2);
    manual.success({ authCode: 'code-2' });
    expect(exchange).toHaveBeenCalledTimes(2);
    expect(exchange.mock.calls[1]?.[0].authCode).toBe('code-2');
  });

  it('CANCEL while exchanging aborts the signal and drops the result', async () => {
    const { actor, exchange, pending, view } = startExchangeFlow();
    const { signal } = exchange.mock.calls[0]![1];
    expect(signal.aborted).toBe(false);
    actor.send({ type: 'CANCEL' });
    // Aborted once the task ends: a restart within it (React StrictMode) keeps the exchange.
    await Promise.resolve();
    expect(signal.aborted).toBe(true);
    expect(view().status).toBe('idle');
    pending[0]!.resolve({ userId: 'u-1' });
    await settle();
    expect(view()).toMatchObject({ status: 'idle', session: undefined });
  });

  it('keeps a rejection that is a primitive without the code as it is', async () => {
    const { view, pending } = startExchangeFlow();
    pending[0]!.reject('server busy');
    await settle();
    expect(view().error?.cause).toBe('server busy');
    expect(view().error?.message).toBe('Exchanging the auth code failed: server busy');
  });

  it('turns a rejection that is not an Error into a plain Error with its description', async () => {
    const { view, pending } = startExchangeFlow();
    pending[0]!.reject({ name: 'Teapot', status: 418 });
    await settle();
    const cause = view().error?.cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect({ name: cause.name, message: cause.message }).toEqual({
      name: 'Error',
      message: '[object Object]',
    });
  });

  it('fails a restored exchange, whose code was never stored, with kind expired and says to ask again', async () => {
    const host = createScriptedHost({
      answer: 'now',
      reply: { via: 'success', payload: { authCode: 'code-1' } },
    });
    const exchange = vi.fn(() => new Promise(() => {}));
    const { actor } = startFlowActor({ host, scopes: [LOGIN], exchange: createExchange(exchange) });
    actor.send({ type: 'REQUEST' });
    const stored = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();
    const restored = createActor(authCodeMachine, {
      input: { host, scopes: [LOGIN], exchange: createExchange(exchange) },
      snapshot: JSON.parse(stored),
    }).start();
    await settle();
    const { error } = restored.getSnapshot().context;
    expect({ kind: error?.kind, message: error?.message }).toEqual({
      kind: 'expired',
      message: 'The auth code is no longer held: ask the host again.',
    });
    restored.stop();
  });
});

describe('the exchange, as an actor of its own', () => {
  it('reports only its first outcome: a result after the timeout is dropped', async () => {
    vi.useFakeTimers();
    try {
      const result = deferred<unknown>();
      const reported: ExchangeEvent[] = [];
      const grant = {
        authCode: sealCode('code-1'),
        grantedScopes: [LOGIN],
        deniedScopes: {},
        scopes: [LOGIN],
      };
      const parent = setup({ actors: { exchangeCode } }).createMachine({
        invoke: {
          src: 'exchangeCode',
          input: { exchange: createExchange(() => result.promise), grant, timeoutMs: 1000 },
        },
        on: { 'EXCHANGE.*': { actions: ({ event }) => reported.push(event as ExchangeEvent) } },
      });
      const actor = createActor(parent).start();
      await vi.advanceTimersByTimeAsync(1000);
      result.resolve({ userId: 'u-1' });
      await vi.advanceTimersByTimeAsync(0);
      expect(reported.map((event) => event.type)).toEqual(['EXCHANGE.FAILED']);
      actor.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
