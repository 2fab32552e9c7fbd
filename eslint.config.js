import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-baseline/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.cache/**',
      '.stryker-tmp/**',
      'reports/**',
      // The metaframework examples' build output.
      '**/.next/**',
      '**/.nuxt/**',
      '**/.output/**',
      '**/.svelte-kit/**',
      'examples/sveltekit/build/**',
      // The docs site's build cache (its build is under dist/).
      'docs/.vitepress/cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Library code never prints: an auth code is a credential and must not reach a log.
    files: ['packages/*/src/**'],
    rules: { 'no-console': 'error' },
  },
);
