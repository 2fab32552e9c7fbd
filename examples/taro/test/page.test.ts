import { fileURLToPath } from 'node:url';
import { describePageScenarios } from '@authcode/miniprogram-harness';
import { findByClass, root, tapAuthorize, textOf } from './taroTree';

describePageScenarios('Taro 4 (React), built for alipay', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  // Alipay's engine has a navigator; Taro's alipay runtime reads navigator.userAgent when it loads.
  layer: { globals: { navigator: { userAgent: 'Mozilla/5.0 AlipayClient/10.5.0' } }, ecmaScript: 2019 },
  read: (page) => ({
    status: textOf(findByClass(root(page), 'status')),
    code: textOf(findByClass(root(page), 'code')),
    errorKind: textOf(findByClass(root(page), 'error')),
  }),
  tapAuthorize,
});
