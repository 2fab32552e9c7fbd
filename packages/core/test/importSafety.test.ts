import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('importing the library', () => {
  it('works where there is no `process` and no `my` (unbundled browser ESM, a bare JS engine)', async () => {
    // Bundled with xstate, nothing defined (the neutral platform defines no process.env): what a
    // browser without a bundler, or a mini program's JS engine, evaluates.
    const bundled = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'iife',
      globalName: 'core',
      write: false,
      logLevel: 'silent',
    });
    const sandbox: { core?: typeof import('../src/index') } = {};
    expect(() =>
      runInNewContext(`${bundled.outputFiles[0]!.text}; this.core = core;`, sandbox),
    ).not.toThrow();
    expect(sandbox.core?.authCodeMachine.id).toBe('authCode');
  });
});
