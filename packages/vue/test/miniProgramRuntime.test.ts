// @vitest-environment node
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import * as vue from 'vue';
import { ssrContextKey } from '../src/serverRendering';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/**
 * Stands `vue` in for a mini-program Vue runtime (uni-app's `@dcloudio/uni-mp-vue`): everything real
 * Vue exports except its SSR internals, which those runtimes leave out.
 */
const vueWithoutSsrExports: Plugin = {
  name: 'vue-without-ssr-exports',
  setup(builder) {
    builder.onResolve({ filter: /^vue$/ }, () => ({ path: 'vue', namespace: 'mini-vue' }));
    builder.onLoad({ filter: /.*/, namespace: 'mini-vue' }, () => {
      const names = Object.keys(vue).filter((name) => !name.startsWith('ssr'));
      return { contents: names.map((name) => `export const ${name} = undefined;`).join('\n'), loader: 'js' };
    });
  },
};

it("finds the server renderer by Vue's own ssrContextKey symbol", () => {
  expect(ssrContextKey).toBe(vue.ssrContextKey);
});

it('bundles against a Vue runtime without SSR exports, as uni-app builds it', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    conditions: ['@authcode/source'],
    external: ['xstate'],
    plugins: [vueWithoutSsrExports],
  });

  expect(result.errors).toEqual([]);
  // The registered key's name, not the whole `Symbol.for(...)` call: mutation testing rewrites the argument.
  expect(result.outputFiles[0]?.text).toContain('"v-scx"');
});
