/**
 * Built-ins by the ECMAScript edition that added them, newest last: `createLogicLayer({ ecmaScript: 2019 })`
 * removes everything after 2019, to prove code runs on an older engine. (Syntax is the bundler's job.)
 */
export const builtinsByEdition: Record<number, readonly string[]> = {
  2020: [
    'globalThis',
    'BigInt',
    'BigInt64Array',
    'BigUint64Array',
    'Promise.allSettled',
    'String.prototype.matchAll',
  ],
  2021: ['Promise.any', 'AggregateError', 'String.prototype.replaceAll', 'WeakRef', 'FinalizationRegistry'],
  2022: ['Array.prototype.at', 'String.prototype.at', 'Object.hasOwn'],
  2023: [
    'Array.prototype.findLast',
    'Array.prototype.findLastIndex',
    'Array.prototype.toSorted',
    'Array.prototype.toReversed',
    'Array.prototype.toSpliced',
    'Array.prototype.with',
  ],
  2024: ['Object.groupBy', 'Map.groupBy', 'Promise.withResolvers', 'String.prototype.isWellFormed'],
  2025: ['Set.prototype.union', 'Set.prototype.intersection', 'Iterator', 'RegExp.escape', 'Promise.try'],
};

/** A script that deletes every built-in added after `edition` (run in the context before any other code). */
export function removeBuiltinsAfter(edition: number): string {
  const paths = Object.entries(builtinsByEdition)
    .filter(([year]) => Number(year) > edition)
    .flatMap(([, names]) => names);
  // globalThis goes last: the other deletions reach the built-ins through it.
  const ordered = [
    ...paths.filter((path) => path !== 'globalThis'),
    ...paths.filter((path) => path === 'globalThis'),
  ];
  return ordered
    .map((path) => {
      const dot = path.lastIndexOf('.');
      // A vm context's global keeps its own built-ins through delete; undefined is what typeof checks see.
      return dot < 0
        ? `globalThis[${JSON.stringify(path)}] = undefined;`
        : `if (typeof ${path.slice(0, dot).split('.')[0]} !== 'undefined') delete ${path.slice(0, dot)}[${JSON.stringify(path.slice(dot + 1))}];`;
    })
    .join('\n');
}
