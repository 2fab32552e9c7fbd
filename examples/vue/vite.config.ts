import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  // Workspace packages resolve to their TypeScript sources, so the example runs without building them.
  resolve: { conditions: ['@authcode/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5174 },
  preview: { host: '127.0.0.1', port: 4174 },
});
