import { describe, expect, it, vi } from 'vitest';
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
});
