import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

/** Workspace packages resolve to their TypeScript sources in tests (the `@authcode/source` export condition). */
export const resolveSources = {
  resolve: { conditions: ['@authcode/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@authcode/source', ...defaultServerConditions] } },
} satisfies UserConfig;
