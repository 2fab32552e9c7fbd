import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

/**
 * The end-to-end run: Node drives Chromium against the built examples (see examples.e2e.test.ts and
 * fullstack.e2e.test.ts); `*.unit.test.ts` test the examples' shared client code without a browser.
 */
export default defineConfig({
  // The test reads the web-view protocol's names from the core's sources, as the shell bundle does.
  ...resolveSources,
  // Also when started from the repository root (`vitest run --config examples/e2e/vitest.config.ts`).
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['*.e2e.test.ts', '*.unit.test.ts'],
    // The docs site's tests run on its own build: vitest.docs.config.ts (pnpm test:docs-site).
    exclude: ['docs*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
