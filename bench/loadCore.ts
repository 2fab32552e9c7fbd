import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, publishedPackages } from '../scripts/budgets/workspace.ts';

type Core = typeof import('../packages/core/src/index.ts');
type CoreTesting = typeof import('../packages/core/src/testing.ts');
type CoreCatalogue = typeof import('../packages/core/src/catalogue.ts');
type CoreHosts = typeof import('../packages/core/src/hosts.ts');

/**
 * The built `@authcode/core` and its subpaths (what users run), built first when `dist` is missing or stale.
 * Types come from the sources so this file typechecks before any build.
 */
export async function loadBuiltCore(): Promise<Core & CoreTesting & CoreCatalogue & CoreHosts> {
  const core = publishedPackages().find((pkg) => pkg.name === '@authcode/core');
  if (!core) throw new Error('packages/core is missing');
  ensureBuilt([core]);
  const load = async (entry: string) => (await import(pathToFileURL(join(core.dir, entry)).href)) as object;
  return {
    ...((await load('dist/index.js')) as Core),
    ...((await load('dist/testing.js')) as CoreTesting),
    ...((await load('dist/catalogue.js')) as CoreCatalogue),
    ...((await load('dist/hosts.js')) as CoreHosts),
  };
}
