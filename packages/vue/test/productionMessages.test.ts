import { afterEach, expect, it, vi } from 'vitest';
import { injectAuthCode, useAuthCode } from '../src/index';
import { createScriptedHost } from '@authcode/core/testing';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Runs `run` with no global `process`, as in a mini program's logic layer. */
function withoutProcess<T>(run: () => T): T {
  const globals = globalThis as { process?: unknown };
  const saved = globals.process;
  globals.process = undefined;
  try {
    return run();
  } finally {
    globals.process = saved;
  }
}

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

it('injectAuthCode() outside production: the whole message, which says how to fix it', () => {
  expect(caught(() => injectAuthCode())).toEqual(
    new Error(
      '[@authcode/vue] injectAuthCode() found no flow: call it in a setup() below a component that called provideAuthCode().',
    ),
  );
});

it('injectAuthCode() in production (NODE_ENV=production): the short message', () => {
  vi.stubEnv('NODE_ENV', 'production');
  expect(caught(() => injectAuthCode())).toEqual(new Error('injectAuthCode() needs provideAuthCode()'));
});

it('injectAuthCode() without a global process: the short message, not a TypeError', () => {
  expect(withoutProcess(() => caught(() => injectAuthCode()))).toEqual(
    new Error('injectAuthCode() needs provideAuthCode()'),
  );
});

it('useAuthCode() outside any scope warns with the whole message', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const flow = useAuthCode({ host: createScriptedHost() });
  flow.actorRef.stop();
  expect(warn.mock.calls).toEqual([
    [
      '[@authcode/vue] useAuthCode() was called outside a component setup() or an effectScope(), so its flow is never stopped for you. ' +
        'Call it inside setup() or effectScope().run(), or stop it yourself with actorRef.stop() when you are done.',
    ],
  ]);
});

it('useAuthCode() outside any scope without a global process: no warning, no TypeError, a running flow', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const flow = withoutProcess(() => useAuthCode({ host: createScriptedHost() }));
  expect(warn).not.toHaveBeenCalled();
  expect(flow.actorRef.getSnapshot().status).toBe('active');
  flow.actorRef.stop();
});
