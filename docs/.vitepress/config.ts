/**
 * The documentation site: VitePress over docs/ (run `pnpm docs:dev`, `pnpm docs:build`,
 * `pnpm docs:preview`). The pages stay plain markdown that GitHub renders too: the home page is
 * docs/README.md, heading ids are GitHub's (so `page.md#heading` links agree), and links that leave
 * docs/ are URLs to the repository (scripts/docs-site/checkLinks.ts checks all three).
 */
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { githubSlug } from '../../scripts/docs-site/githubSlug.ts';
import { repository } from '../../scripts/docs-site/repository.ts';

/** Where the site is served from: `/` locally, `/<repository>/` on GitHub Pages (DOCS_BASE=/authcode/). */
const base = process.env.DOCS_BASE ?? '/';

/** The API reference's sidebar, written by TypeDoc with the pages (scripts/docs-site/api.ts). */
const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? (JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[])
  : [];

const guide: DefaultTheme.SidebarItem[] = [
  { text: 'Introduction', items: [{ text: 'Overview', link: '/' }] },
  {
    text: 'Getting started',
    items: [
      { text: 'React', link: '/getting-started/react' },
      { text: 'Vue', link: '/getting-started/vue' },
      { text: 'Svelte', link: '/getting-started/svelte' },
      { text: 'Next.js', link: '/getting-started/next' },
      { text: 'Nuxt', link: '/getting-started/nuxt' },
      { text: 'SvelteKit', link: '/getting-started/sveltekit' },
    ],
  },
  {
    text: 'The machine',
    items: [
      { text: '@authcode/core', link: '/core' },
      { text: 'The state machine', link: '/state-machine' },
      { text: 'The auth code as a credential', link: '/credential' },
      { text: 'Playground', link: '/playground' },
    ],
  },
  { text: 'Hosts and pages', items: [{ text: 'H5 pages', link: '/h5-pages' }] },
  { text: 'Mini programs', items: [{ text: 'Taro, uni-app and native', link: '/mini-programs' }] },
  {
    text: 'Server exchange',
    items: [{ text: 'Exchanging the code on your server', link: '/recipes/exchange-on-server' }],
  },
  {
    text: 'Recipes',
    items: [
      { text: 'Testing with the simulated host', link: '/recipes/testing' },
      { text: 'Server rendering', link: '/recipes/server-rendering' },
      { text: 'Using the inspector safely', link: '/recipes/inspector' },
      { text: 'The inspector anywhere', link: '/recipes/inspector-anywhere' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'API reference', link: '/api/' },
      { text: '@authcode/react', link: '/adapters/react' },
      { text: '@authcode/vue', link: '/adapters/vue' },
      { text: '@authcode/svelte', link: '/adapters/svelte' },
      { text: 'Scopes', link: '/reference/scopes' },
      { text: 'Error codes', link: '/reference/errors' },
      { text: 'Architecture of the core', link: '/architecture' },
      { text: 'Budgets', link: '/budgets' },
      { text: 'Releasing', link: '/releasing' },
      { text: 'Mutation testing', link: '/mutation-testing' },
    ],
  },
];

export default defineConfig({
  title: 'authcode',
  description: 'my.getAuthCode as one XState v5 machine, with React, Vue and Svelte adapters',
  base,
  // The home page is docs/README.md, so that GitHub shows it for the folder too.
  rewrites: { 'README.md': 'index.md' },
  srcExclude: ['**/node_modules/**', '**/dist/**'],
  lastUpdated: true,
  appearance: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` }]],
  markdown: {
    // GitHub's heading ids, so a `page.md#heading` link works on both.
    anchor: { slugify: githubSlug },
  },
  themeConfig: {
    logo: '/favicon.svg',
    nav: [
      { text: 'Guide', link: '/getting-started/react', activeMatch: '^/(?!api/|playground)' },
      { text: 'Playground', link: '/playground' },
      { text: 'API', link: '/api/', activeMatch: '^/api/' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar }],
      '/': guide,
    },
    search: { provider: 'local' },
    outline: 'deep',
    editLink: {
      pattern: `${repository.url}/edit/${repository.branch}/docs/:path`,
      text: 'Edit this page on GitHub',
    },
    socialLinks: [{ icon: 'github', link: repository.url }],
  },
  transformPageData(page) {
    // The API pages are generated from the code's comments: edit those, not the page.
    if (page.relativePath.startsWith('api/')) {
      page.frontmatter.editLink = false;
      page.frontmatter.lastUpdated = false;
    }
  },
});
