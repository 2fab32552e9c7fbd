import { defineConfig } from 'tsup';

const shared = { target: 'es2022', dts: { entry: 'src/index.ts' }, clean: false } as const;

export default defineConfig([
  // ESM keeps one file per module, as written: with `sideEffects: false`, bundlers drop the modules
  // an app does not import (catalogues, the simulated host), which a single bundle would keep.
  { ...shared, entry: ['src/*.ts'], format: ['esm'], bundle: false },
  // CommonJS is not tree-shaken anyway: one file.
  { ...shared, entry: ['src/index.ts'], format: ['cjs'] },
]);
