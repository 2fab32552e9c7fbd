import { defineConfig } from 'tsup';

/**
 * The public entry points, one per export of package.json (`.` is `index`). A new subpath is one
 * name here and one entry in package.json's `exports`.
 */
const entryPoints = ['index', 'catalogue', 'exchange', 'testing', 'hosts', 'inspect'];

const entry = Object.fromEntries(entryPoints.map((name) => [name, `src/${name}.ts`]));
const shared = { target: 'es2022', dts: { entry }, clean: false } as const;

export default defineConfig([
  // ESM keeps one file per module, as written: with `sideEffects: false`, bundlers drop the modules
  // an app does not import, which a single bundle would keep.
  { ...shared, entry: ['src/**/*.ts'], format: ['esm'], bundle: false },
  // CommonJS is not tree-shaken anyway: one file per entry point, with the code they share in
  // chunks, so that `AuthCodeError` is one class whichever entry an app requires it from.
  { ...shared, entry, format: ['cjs'], splitting: true },
]);
