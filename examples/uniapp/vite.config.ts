import uni from '@dcloudio/vite-plugin-uni';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const withoutLibrary = fileURLToPath(new URL('./size/withoutLibrary.ts', import.meta.url));

export default defineConfig(({ mode }) => ({
  plugins: [uni()],
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so the example builds without building them.
    conditions: ['@authcode/source'],
    // `--mode size-baseline`: the same page with a stand-in for the library, to measure what it adds.
    alias: (mode === 'size-baseline'
      ? { '@authcode/vue': withoutLibrary, '@authcode/core': withoutLibrary }
      : {}) as Record<string, string>,
  },
}));
