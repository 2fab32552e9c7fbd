import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthCodeActorRef, AuthCodeInput, AuthCodeView } from '@authcode/core';
import {
  bundleForLogicLayer,
  createLogicLayer,
  type LogicLayer,
  type LogicLayerOptions,
} from '../src/index.ts';

/** What the bundle exports: core and xstate's createActor, as a mini program's build would include them. */
interface Library {
  createActor(machine: unknown, options: { input: AuthCodeInput }): AuthCodeActorRef;
  authCodeMachine: unknown;
  toView(snapshot: unknown): AuthCodeView;
  requestFlow(actor: AuthCodeActorRef, scopes?: string[]): Promise<AuthCodeView>;
  createSimulatedHost(options?: { delayMs?: number }): AuthCodeInput['host'];
  createExchange(exchange: unknown): AuthCodeInput['exchange'];
}

let bundle: string;

beforeAll(async () => {
  bundle = await bundleForLogicLayer({
    entry: {
      contents: `export { createActor } from 'xstate'; export * from '@authcode/core'; export { createSimulatedHost } from '@authcode/core/testing'; export { createExchange } from '@authcode/core/exchange';`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    conditions: ['@authcode/source'],
  });
});

function start(
  input: AuthCodeInput | ((layer: LogicLayer, lib: Library) => AuthCodeInput) = {},
  options: LogicLayerOptions = {},
) {
  const layer = createLogicLayer(options);
  const lib = layer.run(bundle, { filename: 'core.bundle.js' }) as Library;
  const actor = lib.createActor(lib.authCodeMachine, {
    input: {
      scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
      ...(typeof input === 'function' ? input(layer, lib) : input),
    },
  });
  actor.start();
  const view = () => lib.toView(actor.getSnapshot());
  return { layer, lib, actor, view };
}

/** In the layer, so the exchange's promise and timers are the engine's own, made by the layer's core. */
function layerExchange(layer: LogicLayer, lib: Library, body: string): AuthCodeInput['exchange'] {
  return lib.createExchange(layer.run(`module.exports = ${body};`));
}

function noLeaks(layer: LogicLayer, code?: string) {
  expect(layer.errors).toEqual([]);
  if (code) expect(layer.console.output).not.toContain(code);
}

describe('core in a bare logic layer (no queueMicrotask, AbortController, crypto, globalThis.my)', () => {
  it('grant: one host call with the scopes, success with the code', async () => {
    const { layer, actor, view } = start();
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    expect(layer.host.authCalls).toHaveLength(1);
    expect(layer.host.authCalls[0]!.scopes).toEqual(['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL']);
    expect(view().status).toBe('consenting');
    const code = layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(view()).toMatchObject({
      status: 'success',
      authCode: code,
      grantedScopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
    });
    noLeaks(layer, code);
  });

  it('partial grant: the optional scope is denied, the flow succeeds', async () => {
    const { layer, actor, view } = start({ required: ['USER_LOGIN_ID'] });
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    const code = layer.host.lastAuthCall().grant({ denied: { USER_CONTACTINFO_EMAIL: '40006' } });
    await layer.settle();
    expect(view()).toMatchObject({
      status: 'success',
      grantedScopes: ['USER_LOGIN_ID'],
      deniedScopes: { USER_CONTACTINFO_EMAIL: '40006' },
    });
    noLeaks(layer, code);
  });

  it('decline (11): failed, kind declined', async () => {
    const { layer, actor, view } = start();
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    layer.host.lastAuthCall().decline();
    await layer.settle();
    expect(view().status).toBe('failed');
    expect(view().error).toMatchObject({ kind: 'declined', code: '11' });
    noLeaks(layer);
  });

  it('per-scope failure (40006): failed, kind scope', async () => {
    const { layer, actor, view } = start();
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    layer.host.lastAuthCall().denyScopes({ USER_LOGIN_ID: '40006' });
    await layer.settle();
    expect(view().error).toMatchObject({ kind: 'scope', scopes: { USER_LOGIN_ID: '40006' } });
    noLeaks(layer);
  });

  it('timeout: a silent host fails the flow after timeoutMs; a late answer changes nothing', async () => {
    const { layer, actor, view } = start({ timeoutMs: 5000 });
    actor.send({ type: 'REQUEST' });
    await layer.advance(4999);
    expect(view().status).toBe('consenting');
    await layer.advance(1);
    expect(view().error).toMatchObject({ kind: 'timeout' });
    layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(view().status).toBe('failed');
    expect(layer.clock.pending).toBe(0);
    noLeaks(layer);
  });

  it('cancel: back to idle, the host timer is cleared, a late answer changes nothing', async () => {
    const { layer, actor, view } = start({ timeoutMs: 5000 });
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    actor.send({ type: 'CANCEL' });
    await layer.settle();
    expect(view().status).toBe('idle');
    expect(layer.clock.pending).toBe(0);
    layer.host.lastAuthCall().grant();
    await layer.advance(10_000);
    expect(view().status).toBe('idle');
    noLeaks(layer);
  });

  it('exchange success: requestFlow resolves with the session; the signal is the stand-in', async () => {
    const { layer, lib, actor, view } = start((layer, lib) => ({
      exchange: layerExchange(
        layer,
        lib,
        `(grant, { signal }) => new Promise((resolve) =>
          setTimeout(() => resolve({ user: grant.grantedScopes.length, abortable: typeof signal.throwIfAborted, aborted: signal.aborted }), 200))`,
      ),
    }));
    const settled = lib.requestFlow(actor);
    await layer.settle();
    const code = layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(view().status).toBe('exchanging');
    await layer.advance(200);
    expect(await settled).toMatchObject({
      status: 'success',
      authCode: undefined,
      session: { user: 2, abortable: 'function', aborted: false },
    });
    noLeaks(layer, code);
  });

  it('exchange failure: requestFlow resolves failed, kind exchange', async () => {
    const { layer, lib, actor } = start((layer, lib) => ({
      exchange: layerExchange(
        layer,
        lib,
        `() => new Promise((_, reject) => setTimeout(() => reject(new Error('EXPIRED_CODE')), 10))`,
      ),
    }));
    const settled = lib.requestFlow(actor);
    await layer.settle();
    const code = layer.host.lastAuthCall().grant();
    await layer.advance(10);
    const view = await settled;
    expect(view.status).toBe('failed');
    expect(view.error).toMatchObject({ kind: 'exchange' });
    noLeaks(layer, code);
  });

  it('cancel while exchanging aborts the stand-in signal, listeners and onabort alike', async () => {
    const { layer, actor, view } = start((layer, lib) => ({
      exchange: layerExchange(
        layer,
        lib,
        `(grant, { signal }) => { globalThis.exchangeSignal = signal; return new Promise((resolve, reject) => {
          signal.onabort = () => { globalThis.onabortRan = true; };
          signal.addEventListener('abort', () => reject(signal.reason));
        }); }`,
      ),
    }));
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(view().status).toBe('exchanging');
    expect(layer.evaluate('exchangeSignal.aborted')).toBe(false);
    actor.send({ type: 'CANCEL' });
    await layer.settle();
    expect(layer.evaluate('[exchangeSignal.aborted, onabortRan, exchangeSignal.reason.name].join()')).toBe(
      'true,true,AbortError',
    );
    expect(view().status).toBe('idle');
    noLeaks(layer);
  });

  it('finds a host on globalThis.my when the module has no my parameter', async () => {
    const layer = createLogicLayer({ myOnGlobal: true });
    const lib = layer.run(bundle, { omitParams: ['my'] }) as Library;
    const actor = lib.createActor(lib.authCodeMachine, { input: { scopes: ['auth_base'] } });
    actor.start();
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    expect(layer.host.authCalls).toHaveLength(1);
  });

  it('without any my, fails as unavailable and never throws', async () => {
    const layer = createLogicLayer();
    const lib = layer.run(bundle, { omitParams: ['my'] }) as Library;
    const actor = lib.createActor(lib.authCodeMachine, { input: { scopes: ['auth_base'] } });
    actor.start();
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    expect(lib.toView(actor.getSnapshot()).error).toMatchObject({ kind: 'unavailable' });
    noLeaks(layer);
  });

  it('runs on an ES2019 engine (no globalThis, Array.prototype.at, Object.hasOwn, …): grant, then exchange', async () => {
    const { layer, lib, actor } = start(
      (layer, lib) => ({
        exchange: layerExchange(
          layer,
          lib,
          `(grant) => Promise.resolve({ scopes: grant.grantedScopes.length })`,
        ),
      }),
      { ecmaScript: 2019 },
    );
    expect(layer.evaluate('typeof globalThis')).toBe('undefined');
    const settled = lib.requestFlow(actor);
    await layer.settle();
    layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(await settled).toMatchObject({ status: 'success', session: { scopes: 2 } });
    noLeaks(layer);
  });

  it('the simulated host issues codes without Web Crypto', async () => {
    const layer = createLogicLayer({ ecmaScript: 2019 });
    const lib = layer.run(bundle) as Library;
    expect(layer.evaluate('typeof crypto')).toBe('undefined');
    const actor = lib.createActor(lib.authCodeMachine, {
      input: { scopes: ['auth_base'], host: lib.createSimulatedHost({ delayMs: 300 }) },
    });
    actor.start();
    const settled = lib.requestFlow(actor);
    await layer.advance(300);
    const view = await settled;
    expect(view.status).toBe('success');
    expect(view.authCode).toMatch(/^[0-9A-Z]{26}$/);
    expect(layer.host.authCalls).toHaveLength(0);
    noLeaks(layer);
  });

  it('runs the bundle also when the engine has queueMicrotask and AbortController (guards pick them)', async () => {
    const { layer, actor, view } = start({}, { globals: { queueMicrotask, AbortController } });
    actor.send({ type: 'REQUEST' });
    await layer.settle();
    layer.host.lastAuthCall().grant();
    await layer.settle();
    expect(view().status).toBe('success');
  });
});
