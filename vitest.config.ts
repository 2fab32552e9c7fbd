import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/server', 'scripts/docs-site'],
    reporters: ['default', './scripts/require-tests-reporter.ts'],
  },
});
