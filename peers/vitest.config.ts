import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { resolveSources } from '../vitest.shared.ts';

/**
 * The peer matrix's low end: the adapter suites run again with every peer at the lowest version its
 * range promises (peers/package.json). The high end is the regular `vitest run`, whose packages pin
 * the latest releases. Each project proves which versions it loaded (peers/versions/).
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const peersManifest = fileURLToPath(new URL('package.json', import.meta.url));

/**
 * Resolves the given packages (and their subpaths) as if imported from peers/, so the workspace's
 * sources and tests load the lowest versions. Imports inside node_modules are left alone: pnpm
 * already links each of those packages to the peers it was installed with.
 */
function lowestPeers(packages: readonly string[]): Plugin {
  const pattern = new RegExp(`^(${packages.map((name) => name.replace('/', '\\/')).join('|')})(\\/|$)`);
  return {
    name: 'authcode:lowest-peers',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (!pattern.test(source) || importer?.includes('/node_modules/')) return null;
      return this.resolve(source, peersManifest, { ...options, skipSelf: true });
    },
  };
}

/** Compiles peers/svelte4's components with Svelte 4's own compiler (the Vite plugin needs Svelte 5). */
function svelte4Components(): Plugin {
  const { compile } = createRequire(peersManifest)('svelte/compiler') as typeof import('svelte/compiler');
  return {
    name: 'authcode:svelte4-components',
    transform(code, id, options) {
      if (!id.endsWith('.svelte')) return null;
      const server = options?.ssr ?? this.environment?.config.consumer === 'server';
      const { js } = compile(code, {
        filename: id,
        generate: server ? 'ssr' : 'dom',
        css: 'injected',
      } as never);
      return { code: js.code, map: js.map };
    },
  };
}

export default defineConfig({
  root: repoRoot,
  test: {
    reporters: ['default', './scripts/require-tests-reporter.ts'],
    projects: [
      {
        ...resolveSources,
        root: repoRoot,
        plugins: [lowestPeers(['xstate'])],
        test: {
          name: 'core@xstate-5.20',
          // The property test's thousands of random runs take longer on a busy machine.
          testTimeout: 30_000,
          include: ['packages/{core,conformance}/test/**/*.test.ts', 'peers/versions/xstate.test.ts'],
        },
      },
      {
        ...resolveSources,
        root: repoRoot,
        plugins: [lowestPeers(['react', 'react-dom', '@xstate/react', 'xstate', '@testing-library/react'])],
        test: {
          name: 'react@18.0',
          environment: 'happy-dom',
          include: ['packages/react/test/**/*.test.{ts,tsx}', 'peers/versions/react.test.tsx'],
          // <Activity> (what these tests hide and show) exists from React 19.2 on.
          exclude: ['packages/react/test/restart.test.tsx'],
          // React 18's development build mounts the 1000 components of the leak test more slowly.
          testTimeout: 30_000,
          setupFiles: ['packages/react/test/support/setup.ts'],
        },
      },
      {
        ...resolveSources,
        root: repoRoot,
        plugins: [lowestPeers(['vue', '@vue/test-utils', '@vue/server-renderer', 'xstate'])],
        test: {
          name: 'vue@3.3',
          environment: 'happy-dom',
          include: ['packages/vue/test/**/*.test.ts', 'peers/versions/vue.test.ts'],
        },
      },
      {
        ...resolveSources,
        root: repoRoot,
        plugins: [lowestPeers(['svelte', 'xstate']), svelte4Components()],
        test: {
          name: 'svelte@4.0',
          environment: 'happy-dom',
          // The store entry only: the runes entry (`@authcode/svelte/runes`) needs Svelte 5.7, and
          // peers/svelte4/entries.test.ts checks that the store entry never imports it.
          include: ['peers/svelte4/**/*.test.ts', 'peers/versions/svelte.test.ts'],
        },
      },
    ],
  },
});
