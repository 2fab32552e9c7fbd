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
    // uni keeps symlinked paths (preserveSymlinks), so pnpm's links would give @authcode/vue a core and an
    // xstate of its own: two modules of per-host turns, and a sign-in sheet a web-view request would not wait for.
    dedupe: ['@authcode/core', 'xstate'],
    // Exact names, as in the other examples: the web-view page's @authcode/core/hosts stays itself.
    alias: baseline
      ? [
          { find: /^@authcode\/vue$/, replacement: stub('./baseline/vue.ts') },
          { find: /^@authcode\/core$/, replacement: stub('../../scripts/miniprograms/baseline/core.ts') },
        ]
      : [],
  },
});
