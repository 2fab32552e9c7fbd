import uni from '@dcloudio/vite-plugin-uni';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// AUTHCODE_BASELINE=1: the same page with do-nothing stand-ins for the library, for the size report.
const baseline = process.env.AUTHCODE_BASELINE === '1';
const stub = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [uni()],
  resolve: {
    // Workspace packages resolve to their TypeScript sources, so the example builds without building them.
    conditions: ['@authcode/source'],
    alias: (baseline
      ? {
          '@authcode/vue': stub('./baseline/vue.ts'),
          '@authcode/core': stub('../../scripts/miniprograms/baseline/core.ts'),
        }
      : {}) as Record<string, string>,
  },
});
