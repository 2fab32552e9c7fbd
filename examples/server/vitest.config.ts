import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-server', environment: 'node', include: ['test/**/*.test.ts'] },
});
