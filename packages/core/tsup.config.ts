import { defineConfig } from 'tsup';

// Each public entry: the root, and the subpaths of the exports map.
const entries = ['src/index.ts', 'src/hosts.ts', 'src/inspect.ts'];
const shared = { target: 'es2022', dts: { entry: entries }, clean: false } as const;

export default defineConfig([
  // ESM keeps one file per module, as written: with `sideEffects: false`, bundlers drop the modules
  // an app does not import (catalogues, the simulated host), which a single bundle would keep.
  { ...shared, entry: ['src/*.ts'], format: ['esm'], bundle: false },
  // CommonJS is not tree-shaken anyway: one file per entry.
  { ...shared, entry: entries, format: ['cjs'] },
]);
