import { build } from 'esbuild';
import { createActor } from 'xstate';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authCodeMachine, requestAuthCode, toView } from '../src/index';
import { createExchange } from '../src/exchange';
import { createSimulatedHost } from '../src/testing';
import { LOGIN } from './support/flows';

/** The core's source files an app's production bundle of `contents` pulls in. */
async function modulesBundledFor(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('../src', import.meta.url)), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    external: ['xstate'],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('@authcode/core/exchange', () => {
  it('stays out of an app whose flows have no exchange, and comes with createExchange', async () => {
    const withoutExchange = await modulesBundledFor(
      `import { authCodeMachine, toView } from './index.ts'; console.log(authCodeMachine, toView);`,
    );
    expect(withoutExchange.filter((file) => file.includes('exchange/'))).toEqual([]);
    expect(withoutExchange.some((file) => file.includes('machine/machine.ts'))).toBe(true);

    const withExchange = await modulesBundledFor(
      `import { authCodeMachine } from './index.ts'; import { createExchange } from './exchange.ts'; console.log(authCodeMachine, createExchange);`,
    );
    expect(withExchange.filter((file) => file.includes('exchange/')).sort()).toEqual([
      expect.stringContaining('exchange/createExchange.ts'),
      expect.stringContaining('exchange/runExchange.ts'),
    ]);
  });

  it('refuses to make an exchange of something that is not a function, at once', () => {
    expect(() => createExchange('https://api' as never)).toThrow(
      new TypeError('createExchange(exchange): `exchange` must be a function.'),
    );
  });

  it('one exchange serves many flows, once per grant each', async () => {
    let calls = 0;
    const exchange = createExchange(async (grant) => ({ call: ++calls, scopes: grant.grantedScopes }));
    const first = await requestAuthCode({ host: createSimulatedHost(), scopes: [LOGIN], exchange });
    const second = await requestAuthCode({ host: createSimulatedHost(), scopes: [LOGIN], exchange });
    expect([first.session, second.session]).toEqual([
      { call: 1, scopes: [LOGIN] },
      { call: 2, scopes: [LOGIN] },
    ]);
  });

  it('a flow given a plain function fails before the host is asked, naming createExchange', () => {
    const host = createSimulatedHost();
    const actor = createActor(authCodeMachine, {
      input: { host, scopes: [LOGIN], exchange: (async () => ({})) as never },
    }).start();
    actor.send({ type: 'REQUEST' });
    const view = toView(actor.getSnapshot());
    expect([view.status, view.error?.kind]).toEqual(['failed', 'invalid-request']);
    expect(view.error?.message).toContain('createExchange() from @authcode/core/exchange');
    expect(host.calls).toEqual([]);
    actor.stop();
  });
});
