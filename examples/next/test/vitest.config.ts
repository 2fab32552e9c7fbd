import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Node drives Chromium against the built app served by `next start` (see next.e2e.test.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // The build runs in beforeAll.
    hookTimeout: 180_000,
  },
});
