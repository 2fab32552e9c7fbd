import { pathToFileURL } from 'node:url';
import { ensureBuilt, publishedPackages } from '../scripts/budgets/workspace.ts';

type Core = typeof import('../packages/core/src/index.ts');

/**
 * The built `@authcode/core` (what users run), built first when `dist` is missing or stale.
 * Types come from the sources so this file typechecks before any build.
 */
export async function loadBuiltCore(): Promise<Core> {
  const core = publishedPackages().find((pkg) => pkg.name === '@authcode/core');
  if (!core) throw new Error('packages/core is missing');
  ensureBuilt([core]);
  return (await import(pathToFileURL(core.esmEntry).href)) as Core;
}
