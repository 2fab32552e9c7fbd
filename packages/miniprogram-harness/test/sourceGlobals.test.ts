import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Names a logic layer may lack: library sources may use one only on a line that checks it with typeof.
 * (`AbortSignal` is a type there, and `self` an actor's own name in xstate callbacks: not listed.)
 */
const engineOnly = [
  'queueMicrotask',
  'AbortController',
  'EventTarget',
  'structuredClone',
  'MessageChannel',
  'TextEncoder',
  'window',
  'document',
  'process',
  'crypto',
  'globalThis',
  'setImmediate',
  'requestAnimationFrame',
  'fetch',
  'navigator',
];

const packagesDir = new URL('../..', import.meta.url).pathname;
const libraries = ['core', 'react', 'vue', 'svelte'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.(ts|tsx|svelte)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Code lines without comments and string contents (which may name these globals in prose). */
function codeLines(text: string): string[] {
  const withoutBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '));
  return withoutBlocks
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""'));
}

/** A use that is not a property access (`x.window`) nor a declared name of the same spelling. */
function usesGlobal(line: string, name: string): boolean {
  return new RegExp(`(^|[^.\\w$])${name}\\b(?!\\s*:)`).test(line);
}

describe('library sources and the logic layer', () => {
  it('use engine-only globals only on a line that checks them with typeof', () => {
    const offending: string[] = [];
    for (const library of libraries) {
      for (const file of sources(join(packagesDir, library, 'src'))) {
        codeLines(readFileSync(file, 'utf8')).forEach((line, index) => {
          for (const name of engineOnly) {
            if (usesGlobal(line, name) && !line.includes(`typeof ${name}`)) {
              offending.push(`${file.slice(packagesDir.length)}:${index + 1}: ${name}: ${line.trim()}`);
            }
          }
        });
      }
    }
    expect(offending).toEqual([]);
  });
});
