import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'embedded-wallet', environment: 'node', include: ['test/**/*.test.ts'] },
});
