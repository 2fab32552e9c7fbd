import { defineProject } from 'vitest/config';

/** The docs site's own tools: GitHub's heading ids and the link rules (checkLinks.ts). */
export default defineProject({
  test: {
    name: 'docs-site',
    include: ['*.test.ts'],
    environment: 'node',
  },
});
