import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine, requestAuthCode } from '../src/index';
import { createSimulatedHost, simulatedAnswers } from '../src/testing';
import { LOGIN, settle } from './support/flows';
import { createExchange } from '../src/exchange';

const CODE = 'CREDENTIAL-0123456789';

function createStorage() {
  const setItem = vi.fn();
  return {
    setItem,
    getItem: vi.fn(() => null),
    removeItem: vi.fn(),
    clear: vi.fn(),
    key: vi.fn(),
    length: 0,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the auth code never leaves memory', () => {
  it('the library prints nothing and stores nothing during any kind of flow', async () => {
    const consoleMethods = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table'] as const;
    const spies = consoleMethods.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    const localStorage = createStorage();
    const sessionStorage = createStorage();
    vi.stubGlobal('localStorage', localStorage);
    vi.stubGlobal('sessionStorage', sessionStorage);
    const createCode = () => CODE;

    await requestAuthCode({ host: createSimulatedHost({ createCode }), scopes: [LOGIN] });
    await requestAuthCode({
      host: createSimulatedHost({ createCode }),
      scopes: [LOGIN],
      exchange: createExchange(async () => ({ ok: true })),
    });
    await requestAuthCode({
      host: createSimulatedHost({ answer: simulatedAnswers.decline() }),
      scopes: [LOGIN],
    }).catch(() => {});
    await requestAuthCode({
      host: createSimulatedHost({ createCode }),
      scopes: [LOGIN],
      exchange: createExchange(async () => {
        throw new Error('server down');
      }),
    }).catch(() => {});

    const actor = createActor(authCodeMachine, {
      input: { host: createSimulatedHost({ createCode }), scopes: [LOGIN] },
    });
    actor.start();
    actor.send({ type: 'REQUEST' });
    actor.send({ type: 'CANCEL' });
    await settle();
    actor.stop();

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(localStorage.setItem).not.toHaveBeenCalled();
    expect(sessionStorage.setItem).not.toHaveBeenCalled();
  });

  it('AuthCodeError never carries the code, even in its JSON form', async () => {
    const error = await requestAuthCode({
      host: createSimulatedHost({
        createCode: () => CODE,
        answer: simulatedAnswers.grant({ [LOGIN]: '40006' }),
      }),
      scopes: [LOGIN],
    }).catch((reason: unknown) => reason);
    expect(JSON.stringify(error)).not.toContain(CODE);
    expect(String(error)).not.toContain(CODE);
  });
});
