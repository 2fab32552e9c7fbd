import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/server'],
    reporters: ['default', './scripts/require-tests-reporter.ts'],
  },
});
