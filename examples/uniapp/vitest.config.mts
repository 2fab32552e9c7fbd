import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

export default defineProject({
  ...resolveSources,
  test: { name: 'uniapp', environment: 'node', include: ['test/**/*.test.ts'] },
});
