import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: 'vue',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
