import { fileURLToPath } from 'node:url';
import { describePageScenarios } from '@authcode/miniprogram-harness';
import { merchantServer } from './merchantServer';

describePageScenarios('native mini program (no framework)', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  // The engine the docs promise to support: ES2019 built-ins, nothing newer.
  layer: { ecmaScript: 2019 },
  read: (page) => ({
    status: page.data.status as string,
    code: (page.data.code as string) || undefined,
    errorKind: (page.data.errorKind as string) || undefined,
    signedIn: (page.data.signedIn as string) || undefined,
  }),
  tapAuthorize: (page) => page.tap('onAuthorize').then(() => undefined),
  // The page exchanges the code on its server: the grant scenario signs in there.
  server: merchantServer,
});
