import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GetAuthCodeOptions } from '../src/index';
import { createSimulatedHost, simulatedAnswers } from '../src/testing';
import { LOGIN, EMAIL, settle } from './support/flows';

function callWith(host: ReturnType<typeof createSimulatedHost>, scopes: string[]) {
  const options = { scopes, success: vi.fn(), fail: vi.fn(), complete: vi.fn() } satisfies GetAuthCodeOptions;
  host.getAuthCode(options);
  return options;
}

describe('createSimulatedHost', () => {
  it('grants all by default, calling success then complete with the same payload, asynchronously', async () => {
    const host = createSimulatedHost({ createCode: () => 'SIMULATED' });
    const options = callWith(host, [LOGIN, EMAIL]);
    expect(options.success).not.toHaveBeenCalled();
    await settle();
    const payload = { authCode: 'SIMULATED', authSuccessScopes: [LOGIN, EMAIL], authErrorScopes: {} };
    expect(options.success).toHaveBeenCalledWith(payload);
    expect(options.complete).toHaveBeenCalledWith(payload);
    expect(options.fail).not.toHaveBeenCalled();
    expect(host.calls).toEqual([{ scopes: [LOGIN, EMAIL] }]);
  });

  it('makes a fresh 26-character code per call', async () => {
    const host = createSimulatedHost();
    const first = callWith(host, [LOGIN]);
    const second = callWith(host, [LOGIN]);
    await settle();
    const codeOf = (options: typeof first) => options.success.mock.calls[0]?.[0].authCode as string;
    expect(codeOf(first)).toMatch(/^[0-9A-Z]{26}$/);
    expect(codeOf(first)).not.toBe(codeOf(second));
  });

  it('reports denied scopes of a partial grant in authErrorScopes', async () => {
    const options = callWith(createSimulatedHost({ answer: simulatedAnswers.grant({ [EMAIL]: '40006' }) }), [
      LOGIN,
      EMAIL,
    ]);
    await settle();
    expect(options.success.mock.calls[0]?.[0]).toMatchObject({
      authSuccessScopes: [LOGIN],
      authErrorScopes: { [EMAIL]: '40006' },
    });
  });

  it.each([
    ['decline', simulatedAnswers.decline(), { error: 11, errorMessage: 'Unauthorized to Get User Info' }],
    ['fail', simulatedAnswers.fail(12), { error: 12 }],
    ['deny', simulatedAnswers.deny({ [LOGIN]: '40006' }), { authErrorScopes: { [LOGIN]: '40006' } }],
  ])('%s calls fail then complete', async (_name, answer, payload) => {
    const options = callWith(createSimulatedHost({ answer }), [LOGIN]);
    await settle();
    expect(options.fail).toHaveBeenCalledWith(payload);
    expect(options.complete).toHaveBeenCalledWith(payload);
    expect(options.success).not.toHaveBeenCalled();
  });

  it('silence never answers', async () => {
    const options = callWith(createSimulatedHost({ answer: simulatedAnswers.silence() }), [LOGIN]);
    await settle();
    expect(options.success).not.toHaveBeenCalled();
    expect(options.fail).not.toHaveBeenCalled();
    expect(options.complete).not.toHaveBeenCalled();
  });

  it('waits for a deciding function, as a consent sheet does, and honours delayMs', async () => {
    vi.useFakeTimers();
    try {
      let decide!: (answer: ReturnType<typeof simulatedAnswers.decline>) => void;
      const answer = vi.fn(
        () => new Promise<ReturnType<typeof simulatedAnswers.decline>>((resolve) => (decide = resolve)),
      );
      const options = callWith(createSimulatedHost({ answer, delayMs: 500 }), [LOGIN]);
      await vi.advanceTimersByTimeAsync(499);
      expect(answer).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(answer).toHaveBeenCalledWith({ scopes: [LOGIN] });
      decide(simulatedAnswers.decline());
      await vi.advanceTimersByTimeAsync(0);
      expect(options.fail).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('ready-made answers are plain values, with no empty errorMessage', () => {
    expect([
      simulatedAnswers.grant(),
      simulatedAnswers.grant({ [EMAIL]: '40006' }),
      simulatedAnswers.decline(),
      simulatedAnswers.fail(12),
      simulatedAnswers.fail(3, 'System busy'),
      simulatedAnswers.deny({ [LOGIN]: '40006' }),
      simulatedAnswers.silence(),
    ]).toStrictEqual([
      { kind: 'grant' },
      { kind: 'grant', denied: { [EMAIL]: '40006' } },
      { kind: 'fail', error: 11, errorMessage: 'Unauthorized to Get User Info' },
      { kind: 'fail', error: 12 },
      { kind: 'fail', error: 3, errorMessage: 'System busy' },
      { kind: 'deny', scopes: { [LOGIN]: '40006' } },
      { kind: 'silence' },
    ]);
  });

  it('a fail answer passes errorMessage only when it has one', async () => {
    const bare = callWith(createSimulatedHost({ answer: { kind: 'fail', error: 12 } }), [LOGIN]);
    const told = callWith(createSimulatedHost({ answer: simulatedAnswers.fail(3, 'System busy') }), [LOGIN]);
    await settle();
    expect([bare.fail.mock.calls, told.fail.mock.calls]).toStrictEqual([
      [[{ error: 12 }]],
      [[{ error: 3, errorMessage: 'System busy' }]],
    ]);
  });

  it('answers a call that passes only some callbacks, with no error', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const received: unknown[] = [];
      const only = (name: 'success' | 'fail' | 'complete') => ({
        scopes: [LOGIN],
        [name]: (payload: unknown) => void received.push([name, payload]),
      });
      const grant = createSimulatedHost({ createCode: () => 'SIMULATED' });
      const decline = createSimulatedHost({ answer: simulatedAnswers.fail(12) });
      const deny = createSimulatedHost({ answer: simulatedAnswers.deny({ [LOGIN]: '40006' }) });
      for (const host of [grant, decline, deny]) {
        host.getAuthCode(only('complete'));
        host.getAuthCode(only(host === grant ? 'success' : 'fail'));
      }
      await settle();
      await settle();
      const granted = { authCode: 'SIMULATED', authSuccessScopes: [LOGIN], authErrorScopes: {} };
      const denied = { authErrorScopes: { [LOGIN]: '40006' } };
      expect(received).toEqual([
        ['complete', granted],
        ['success', granted],
        ['complete', { error: 12 }],
        ['fail', { error: 12 }],
        ['complete', denied],
        ['fail', denied],
      ]);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

describe('the default auth code', () => {
  const codeOf = async (host: ReturnType<typeof createSimulatedHost>) => {
    const options = callWith(host, [LOGIN]);
    await settle();
    return options.success.mock.calls[0]?.[0].authCode as string;
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('maps Web Crypto’s random bytes onto 0-9A-Z', async () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array) => {
        bytes.forEach((_, index) => (bytes[index] = index + 36 * (index % 3)));
        return bytes;
      },
    });
    expect(await codeOf(createSimulatedHost())).toBe('0123456789ABCDEFGHIJKLMNOP');
  });

  it('uses Math.random where there is no Web Crypto, as in a logic layer', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    delete (globalThis as { crypto?: unknown }).crypto;
    try {
      let calls = 0;
      vi.spyOn(Math, 'random').mockImplementation(() => (35 - (calls++ % 36) + 0.5) / 256);
      expect(await codeOf(createSimulatedHost())).toBe('ZYXWVUTSRQPONMLKJIHGFEDCBA');
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
});
