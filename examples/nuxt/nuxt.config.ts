// Nuxt 4.4.5: the last Nuxt that runs on Node 20 (4.5 and later need Node 22). See README.md.
export default defineNuxtConfig({
  compatibilityDate: '2026-05-01',
  // Server rendering on (Nuxt's default, said out loud): the HTML arrives with the idle view.
  ssr: true,
  devtools: { enabled: false },
  telemetry: false,
  css: ['@authcode/example-shared/styles.css'],
  app: {
    head: {
      title: 'authcode · Nuxt example',
      htmlAttrs: { lang: 'en' },
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    },
  },
  // Type-checked against the packages' sources, like the other examples, so `pnpm typecheck` needs
  // no build; `nuxt build` bundles their built `dist`, as an app from the registry would.
  typescript: {
    tsConfig: { compilerOptions: { customConditions: ['@authcode/source'] } },
    sharedTsConfig: { compilerOptions: { customConditions: ['@authcode/source'] } },
    nodeTsConfig: { compilerOptions: { customConditions: ['@authcode/source'] } },
  },
  // The adapter's composables are auto-imported like Nuxt's own: no import line in a page.
  imports: {
    presets: [{ from: '@authcode/vue', imports: ['useAuthCode', 'provideAuthCode', 'injectAuthCode'] }],
  },
  vite: {
    // Pre-bundled when `nuxt dev` starts, not discovered on the first page load: without this, Vite
    // finds them late, re-optimises and reloads the page (the "new dependencies optimized" reload).
    // (`@statelyai/inspect` is this example's own: examples/shared loads the inspector with `?inspect`.)
    optimizeDeps: {
      include: ['@authcode/vue', '@authcode/core', 'xstate', '@authcode/example-shared > @statelyai/inspect'],
    },
  },
});
