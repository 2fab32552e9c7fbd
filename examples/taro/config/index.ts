import { resolve } from 'node:path';
import { defineConfig } from '@tarojs/cli';

// The size script builds the page a second time with the library replaced by stand-ins that do nothing.
const baseline = process.env.AUTHCODE_BASELINE === '1';
const stubs = resolve(__dirname, '../../../scripts/miniprograms/baseline');

export default defineConfig({
  projectName: 'authcode-taro',
  date: '2026-12-1',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: baseline ? 'dist-baseline' : 'dist',
  plugins: [],
  defineConstants: {},
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    // Babel (with Taro's TypeScript preset) also compiles the workspace packages' sources.
    compile: {
      include: [resolve(__dirname, '../../../packages'), resolve(__dirname, '../../shared/src'), stubs],
    },
    webpackChain(chain) {
      // Workspace packages resolve to their TypeScript sources, as in the web examples: no build first.
      chain.resolve.set('conditionNames', [
        '@authcode/source',
        'webpack',
        'production',
        'browser',
        'import',
        'module',
        'require',
        'default',
      ]);
      chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] });
      // One React for the page and the adapter: from the adapter's folder pnpm would find its own React 19.
      for (const name of ['react', '@xstate/react', 'xstate']) {
        chain.resolve.alias.set(name, resolve(__dirname, '../node_modules', name));
      }
      if (baseline) {
        chain.resolve.alias.set('@authcode/react$', resolve(stubs, 'react.ts'));
        chain.resolve.alias.set('@authcode/core$', resolve(stubs, 'core.ts'));
      }
    },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
});
