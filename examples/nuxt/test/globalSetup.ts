import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, publishedPackages } from '../../../scripts/budgets/workspace.ts';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds what the tests run: the adapter packages' `dist` when missing or older than their sources
 * (the app consumes them as a user of the published packages would), then the app itself with
 * `nuxt build`, so the tests never run a stale `.output`.
 */
export default function setup(): void {
  ensureBuilt(publishedPackages().filter((pkg) => ['@authcode/core', '@authcode/vue'].includes(pkg.name)));
  if (process.env.NUXT_EXAMPLE_SKIP_BUILD === '1') return;
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: exampleDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`nuxt build failed with exit code ${build.status ?? build.signal}`);
}
