import { defineConfig, type Options } from 'tsup';

/**
 * How a framework adapter builds: one small ESM and CJS file each, with declarations. Adapters are
 * thin, so a single bundle costs nothing in tree-shaking (core keeps one file per module instead).
 */
export function defineAdapterBuild(options: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    ...options,
  });
}
