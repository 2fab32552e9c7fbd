import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: 'react',
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/support/setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
