import { fileURLToPath } from 'node:url';
import { describeSignInScenarios } from '@authcode/miniprogram-harness';
import { merchantServer } from './merchantServer';
import { taroLayer, readSignInPage, tapAuthorize } from './taroTree';

// Taro.request → Taro's alipay runtime → my.request, routed to the real example server on loopback,
// which trades the code with the embedded wallet; the page shows the server's answer.
describeSignInScenarios('Taro 4 (React), built for alipay', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  layer: taroLayer,
  server: merchantServer,
  read: readSignInPage,
  tapAuthorize,
  // Taro's alipay runtime turns `header` into Alipay's `headers` (content-type first) and passes the rest.
  requestOptionNames: ['data', 'dataType', 'headers', 'method', 'url'],
});
