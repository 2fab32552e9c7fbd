import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// The @authcode packages resolve to their built `dist`, as they would from the npm registry: build
// them first (`pnpm -r --filter "./packages/*" run build`).
export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1', port: 5176 },
});
