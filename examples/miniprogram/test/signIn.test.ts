import { fileURLToPath } from 'node:url';
import { describeSignInScenarios } from '@authcode/miniprogram-harness';
import { merchantServer } from './merchantServer';

// The page's my.request goes to the real example server on loopback, which trades the code with the
// embedded wallet; the page shows the server's answer.
describeSignInScenarios('native mini program (no framework)', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  layer: { ecmaScript: 2019 },
  server: merchantServer,
  read: (page) => ({
    status: page.data.status as string,
    code: (page.data.code as string) || undefined,
    errorKind: (page.data.errorKind as string) || undefined,
    signedIn: (page.data.signedIn as string) || undefined,
    errorCode: (page.data.errorCode as string) || undefined,
  }),
  tapAuthorize: (page) => page.tap('onAuthorize').then(() => undefined),
  // Alipay's own names, as the page passes them.
  requestOptionNames: ['data', 'dataType', 'headers', 'method', 'url'],
});
