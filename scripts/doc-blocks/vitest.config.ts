import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Runs the test files the docs' code blocks make up (scripts/doc-blocks/check.ts writes them), as a
 * reader's project would: the packages resolve to their builds, Vitest runs without globals.
 */
export default defineConfig({
  root: fileURLToPath(new URL('node_modules/.blocks', import.meta.url)),
  // svelteTesting: Svelte's browser build under Vitest, as the testing recipe tells its readers.
  plugins: [vue(), svelte(), svelteTesting()],
  test: {
    include: ['**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
  },
});
