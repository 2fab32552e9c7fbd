import { defineConfig } from 'vitest/config';

/** Node drives Chromium against the built app, served by `pnpm start` (see test/sveltekit.test.ts). */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
