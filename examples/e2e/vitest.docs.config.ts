import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

/**
 * The docs site in Chromium (`docs*.e2e.test.ts`): the built site (`pnpm docs:build`) served
 * statically. Run `pnpm test:docs-site` from the root: it builds the site first.
 */
export default defineConfig({
  ...resolveSources,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['docs*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
