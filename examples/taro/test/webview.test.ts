import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeWebViewScenarios, elementEvent, type PageHandle } from '@authcode/miniprogram-harness';
import { findByClass, root, tapAuthorize } from './taroTree';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const webViewId = 'authcode-web-view';

/**
 * How Taro's alipay template renders `<web-view>`: the data key of `src` (Taro shortens attribute
 * names) and the page method each event is bound to (`eh`, Taro's one event handler).
 */
function webViewTemplate() {
  const tag = /<web-view\b[^>]*>/.exec(readFileSync(`${dist}/base.axml`, 'utf8'))?.[0] ?? '';
  const read = (pattern: RegExp, what: string) => {
    const found = pattern.exec(tag)?.[1];
    if (!found) throw new Error(`base.axml renders no web-view with ${what}.`);
    return found;
  };
  return {
    srcKey: read(/\bsrc="\{\{i\.(\w+)\}\}"/, 'src'),
    handlers: { message: read(/\bonMessage="(\w+)"/, 'onMessage'), load: read(/\bonLoad="(\w+)"/, 'onLoad') },
  };
}

const webViewNode = (page: PageHandle) => findByClass(root(page), 'web-view');

describeWebViewScenarios('Taro 4 (React), built for alipay', {
  dir: dist,
  route: 'pages/webview/webview',
  webViewId,
  url: 'https://h5.example.com/authcode/',
  scopes: ['USER_LOGIN_ID'],
  layer: { globals: { navigator: { userAgent: 'Mozilla/5.0 AlipayClient/10.5.0' } }, ecmaScript: 2019 },
  readSrc: (page) => webViewNode(page)?.[webViewTemplate().srcKey] as string | undefined,
  async fireWebViewEvent(page, type, detail) {
    const node = webViewNode(page);
    if (!node?.sid) throw new Error('The page rendered no web-view.');
    // As the template binds it: `id="{{i.uid||i.sid}}" data-sid="{{i.sid}}"`; Taro finds the element by them.
    const event = elementEvent(type, { id: node.uid ?? node.sid, dataset: { sid: node.sid }, detail });
    await page.call(webViewTemplate().handlers[type], event);
  },
  // Taro puts the modules both pages use (core's per-host turns) in common.js: one copy.
  signInPage: { route: 'pages/index/index', tapAuthorize },
});
