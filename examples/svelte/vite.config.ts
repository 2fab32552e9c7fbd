import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  // Workspace packages resolve to their TypeScript sources, so the example runs without building them.
  resolve: { conditions: ['@authcode/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5175 },
  preview: { host: '127.0.0.1', port: 4175 },
});
