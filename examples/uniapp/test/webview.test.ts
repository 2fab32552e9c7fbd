import { describeWebViewScenarios } from '@authcode/miniprogram-harness';
import { fileURLToPath } from 'node:url';
import { renderedPages } from './renderedPage';

// Built by `uni build -p mp-alipay` (the package's `build`) before this file runs.
const built = fileURLToPath(new URL('../dist/build/mp-alipay', import.meta.url));
const view = renderedPages(built);

describeWebViewScenarios('uni-app 3 (Vue 3), built for mp-alipay', {
  dir: built,
  route: 'pages/webview/webview',
  webViewId: 'authcode-web-view',
  url: 'https://h5.example.com/authcode/',
  scopes: ['USER_LOGIN_ID'],
  layer: { ecmaScript: 2019 },
  readSrc: (page) => view(page).src('web-view'),
  // `@message` compiles to `onMessage="{{key}}"`, the key naming the page method that calls the handler.
  fireWebViewEvent: (page, type, detail) =>
    view(page)
      .fire('web-view', type, detail)
      .then(() => undefined),
  // One copy of core in vendor.js (vite.config.ts dedupes it): the sign-in flow's turns are the responder's.
  signInPage: {
    route: 'pages/index/index',
    tapAuthorize: (page) =>
      view(page)
        .tap('sign-in')
        .then(() => undefined),
  },
});
