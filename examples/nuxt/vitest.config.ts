import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The Nuxt example as users run it: built for production (globalSetup), started with its `start`
 * script with a trip-wire on the global `my`, and driven in Chromium with playwright-core.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
