import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.shared.ts';

// happy-dom tests run in Vite's client environment ('browser' condition: Svelte's client runtime);
// files marked `@vitest-environment node` run in its ssr environment, where the plugin compiles
// components for the server and `svelte` resolves to its server runtime.
export default defineProject({
  ...resolveSources,
  plugins: [svelte()],
  test: {
    name: 'svelte',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    // Type tests only: tsc alone cannot read .svelte files (svelte-check covers those).
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.typecheck.json' },
  },
});
