import { readFile, writeFile } from 'node:fs/promises';
import { defineAdapterBuild } from '../../tsup.adapter.ts';

export default defineAdapterBuild({
  // Rollup's pass merges each file's imports of the same module into one statement.
  treeshake: true,
  // Hooks and context: React Server Components frameworks must load this module on the client.
  // Added after the build because the tree-shaking pass drops module directives.
  async onSuccess() {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      await writeFile(file, `'use client';\n${await readFile(file, 'utf8')}`);
    }
  },
});
