import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

export default defineProject({
  ...resolveSources,
  test: { name: 'miniprogram-harness', include: ['test/**/*.test.ts'] },
});
