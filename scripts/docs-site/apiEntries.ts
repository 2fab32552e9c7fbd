/**
 * The public entries the API reference documents, read from the published packages' `exports` at
 * run time, so a new subpath (say `@authcode/core/exchange`) is documented without touching this.
 */
import { join } from 'node:path';
import { publishedPackages } from '../budgets/workspace.ts';

export interface ApiEntry {
  /** What an app imports: `@authcode/core/testing`. */
  specifier: string;
  /** The entry's source file (its `@authcode/source` condition). */
  source: string;
}

type ExportTarget = string | { '@authcode/source'?: string };

export function apiEntries(): ApiEntry[] {
  return publishedPackages()
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((pkg) =>
      Object.entries((pkg.manifest.exports ?? {}) as Record<string, ExportTarget>).flatMap(
        ([subpath, target]) => {
          const source = typeof target === 'object' ? target['@authcode/source'] : undefined;
          if (!source) return [];
          const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
          return [{ specifier, source: join(pkg.dir, source) }];
        },
      ),
    );
}
