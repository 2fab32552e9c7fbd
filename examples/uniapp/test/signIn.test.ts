import { describeSignInScenarios, type PageHandle } from '@authcode/miniprogram-harness';
import { fileURLToPath } from 'node:url';
import { merchantServer } from './merchantServer';
import { renderedPages } from './renderedPage';

// Built by `uni build -p mp-alipay` (the package's `build`) before this file runs.
const built = fileURLToPath(new URL('../dist/build/mp-alipay', import.meta.url));
const view = renderedPages(built);
const textOf = (page: PageHandle, role: string) => view(page).text(role) as string | undefined;

// uni.request → uni-mp-alipay's API layer → my.request, routed to the real example server on
// loopback, which trades the code with the embedded wallet; the page shows the server's answer.
describeSignInScenarios('uni-app 3 (Vue 3), built for mp-alipay', {
  dir: built,
  route: 'pages/index/index',
  layer: { ecmaScript: 2019 },
  server: merchantServer,
  read: (page) => ({
    status: textOf(page, 'status'),
    code: textOf(page, 'code'),
    errorKind: textOf(page, 'error-kind'),
    signedIn: textOf(page, 'signed-in'),
    errorCode: textOf(page, 'error-code'),
  }),
  tapAuthorize: (page) =>
    view(page)
      .tap('sign-in')
      .then(() => undefined),
  // uni-mp-alipay renames `header` to Alipay's `headers` and passes `data`, `dataType`, `method` on.
  requestOptionNames: ['data', 'dataType', 'headers', 'method', 'url'],
});
