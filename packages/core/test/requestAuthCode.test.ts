import { describe, expect, it, vi } from 'vitest';
import { AuthCodeError, requestAuthCode } from '../src/index';
import { createSimulatedHost, simulatedAnswers } from '../src/testing';
import { EMAIL, LOGIN } from './support/flows';
import { createExchange } from '../src/exchange';

describe('requestAuthCode', () => {
  it('resolves with the code and per-scope outcome of one flow', async () => {
    const host = createSimulatedHost({
      createCode: () => 'CODE-1',
      answer: simulatedAnswers.grant({ [EMAIL]: '40006' }),
    });
    const result = await requestAuthCode({ host, scopes: [LOGIN, EMAIL], required: [LOGIN] });
    expect(result).toStrictEqual({
      authCode: 'CODE-1',
      grantedScopes: [LOGIN],
      deniedScopes: { [EMAIL]: '40006' },
    });
    expect(host.calls).toHaveLength(1);
  });

  it('resolves with the session and no code when exchange ran', async () => {
    const exchange = vi.fn(async () => ({ token: 'server-side' }));
    const result = await requestAuthCode({
      host: createSimulatedHost(),
      scopes: [LOGIN],
      exchange: createExchange(exchange),
    });
    expect(result).toStrictEqual({
      grantedScopes: [LOGIN],
      deniedScopes: {},
      session: { token: 'server-side' },
    });
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it('rejects with an AuthCodeError that says why', async () => {
    const declined = requestAuthCode({
      host: createSimulatedHost({ answer: simulatedAnswers.decline() }),
      scopes: [LOGIN],
    });
    await expect(declined).rejects.toBeInstanceOf(AuthCodeError);
    await expect(declined).rejects.toMatchObject({ kind: 'declined', code: '11' });
    await expect(requestAuthCode({ host: createSimulatedHost(), scopes: [] })).rejects.toMatchObject({
      kind: 'invalid-request',
    });
  });

  it('rejects with kind timeout when the host never answers', async () => {
    const silent = createSimulatedHost({ answer: simulatedAnswers.silence() });
    await expect(requestAuthCode({ host: silent, scopes: [LOGIN], timeoutMs: 5 })).rejects.toMatchObject({
      kind: 'timeout',
    });
  });

  it('has no session key without exchange', async () => {
    const result = await requestAuthCode({
      host: createSimulatedHost({ createCode: () => 'CODE-1' }),
      scopes: [LOGIN],
    });
    expect(Object.keys(result)).toEqual(['grantedScopes', 'deniedScopes', 'authCode']);
  });

  it('stops its flow once settled: no code lifetime timer is left behind', async () => {
    vi.useFakeTimers();
    try {
      const result = requestAuthCode({
        host: createSimulatedHost({ createCode: () => 'CODE-1' }),
        scopes: [LOGIN],
      });
      await vi.advanceTimersByTimeAsync(0);
      await expect(result).resolves.toMatchObject({ authCode: 'CODE-1' });
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with a typed invalid-request when the flow cannot even start: an input proxy that throws when copied', async () => {
    // The copy of the input throws inside the actor's start; XState reports that error on a timer,
    // which fake timers hold back so that it does not end the test run.
    vi.useFakeTimers();
    try {
      const input = new Proxy(
        { host: createSimulatedHost(), scopes: [LOGIN] },
        {
          ownKeys() {
            throw new Error('a hostile input');
          },
        },
      );
      const failure = await requestAuthCode(input).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AuthCodeError);
      expect(failure).toMatchObject({
        kind: 'invalid-request',
        message: 'The input could not be read: a hostile input',
      });
    } finally {
      vi.clearAllTimers();
      vi.useRealTimers();
    }
  });
});
