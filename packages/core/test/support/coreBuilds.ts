/**
 * The core as an app's bundler builds it, in development or production: what the production-message
 * test and `scripts/budgets/messages.ts` run the same failures against.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Core = typeof import('../../src/index') &
  typeof import('../../src/testing') &
  typeof import('../../src/catalogue') &
  typeof import('../../src/exchange') & { createActor: typeof import('xstate').createActor };
export type Mode = 'development' | 'production';

const source = (file: string) => JSON.stringify(fileURLToPath(new URL(`../../src/${file}`, import.meta.url)));

/** Everything core exports, from the entries an app uses, and the same copy of XState, as one module to bundle. */
export const coreEntry = {
  contents: [
    ...['index.ts', 'testing.ts', 'catalogue.ts', 'exchange.ts'].map(
      (file) => `export * from ${source(file)};`,
    ),
    "export { createActor } from 'xstate';",
  ].join('\n'),
  resolveDir: fileURLToPath(new URL('.', import.meta.url)),
  loader: 'ts' as const,
};

/** The minified source of the core as an app's bundler builds it in one mode (`process.env.NODE_ENV` replaced). */
export async function bundleSource(mode: Mode, contents = coreEntry.contents): Promise<string> {
  const result = await build({
    stdin: { ...coreEntry, contents },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Builds and imports the core in each mode; `dispose` removes the files. */
export function coreBuilds() {
  const workDir = mkdtempSync(join(tmpdir(), 'authcode-modes-'));
  const load = async (mode: Mode): Promise<Core> => {
    const file = join(workDir, `core.${mode}.mjs`);
    writeFileSync(file, await bundleSource(mode));
    return (await import(pathToFileURL(file).href)) as Core;
  };
  return {
    load,
    dispose: () => rmSync(workDir, { recursive: true, force: true }),
  };
}
