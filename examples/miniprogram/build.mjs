// Bundles each JS entry of the mini program (app and pages) into one CommonJS file, as a native
// project's build would, and copies the rest (app.json, .axml, .json) next to it.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

/** The sign-in page and the app around it: what the size script measures. */
export const signInEntryPoints = ['src/app.ts', 'src/pages/index/index.ts'];

/** Options shared with the size script, which also builds the page with the library stubbed out. */
export const buildOptions = {
  // The web-view page: a responder for the H5 page it shows.
  entryPoints: [...signInEntryPoints, 'src/pages/webview/webview.ts'],
  outbase: 'src',
  bundle: true,
  format: 'cjs',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  // Workspace packages from their sources, as in the other examples: no package build first.
  conditions: ['@authcode/source'],
  // The language the packages need (docs/mini-programs.md).
  target: 'es2017',
  minify: true,
  logLevel: 'warning',
  // What every mini-program build does: development-only text is dropped.
  define: { 'process.env.NODE_ENV': '"production"' },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync('dist', { recursive: true, force: true });
  cpSync('src', 'dist', { recursive: true, filter: (path) => !path.endsWith('.ts') });
  await build({ ...buildOptions, outdir: 'dist' });
}
