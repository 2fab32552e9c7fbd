import { fileURLToPath } from 'node:url';
import { describePageScenarios } from '@authcode/miniprogram-harness';
import { merchantServer } from './merchantServer';
import { taroLayer, readSignInPage, tapAuthorize } from './taroTree';

describePageScenarios('Taro 4 (React), built for alipay', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  layer: taroLayer,
  read: readSignInPage,
  tapAuthorize,
  // The page exchanges the code on its server: the grant scenario signs in there.
  server: merchantServer,
});
