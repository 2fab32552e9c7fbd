// @vitest-environment node
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createAuthCode } from '@authcode/svelte';

const svelteEntry = (name: string) =>
  fileURLToPath(new URL(`../../packages/svelte/src/${name}.ts`, import.meta.url));

/** The packages an entry imports, everything outside it left external. */
async function importedPackages(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'entry.js',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  return [...new Set(imports.filter((entry) => entry.external).map((entry) => entry.path))].sort();
}

it('keeps the store entry free of Svelte 5 only modules, which live in @authcode/svelte/runes', async () => {
  expect(await importedPackages(svelteEntry('index'))).toEqual([
    '@authcode/core',
    'svelte',
    'svelte/store',
    'xstate',
  ]);
  expect(await importedPackages(svelteEntry('runes'))).toContain('svelte/reactivity');
});

it('loads the store entry on Svelte 4, which has no svelte/reactivity for the runes entry', async () => {
  const flow = createAuthCode({ scopes: ['auth_base'] });
  expect(flow.actorRef.getSnapshot().status).toBe('active');
  flow.destroy();
  await expect(import(/* @vite-ignore */ ['svelte', 'reactivity'].join('/'))).rejects.toThrow(/reactivity/);
});
