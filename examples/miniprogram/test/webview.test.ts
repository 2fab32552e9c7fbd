import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeWebViewScenarios, elementEvent } from '@authcode/miniprogram-harness';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const route = 'pages/webview/webview';
const webViewId = 'authcode-web-view';

/** The page methods the built template binds to the web-view's events: `onMessage="…"`, `onLoad="…"`. */
function webViewHandlers(): Record<'message' | 'load', string> {
  const webView = /<web-view\b[^>]*>/.exec(readFileSync(`${dist}/${route}.axml`, 'utf8'))?.[0] ?? '';
  const handler = (attribute: string) => {
    const name = new RegExp(`\\b${attribute}="(\\w+)"`).exec(webView)?.[1];
    if (!name) throw new Error(`The web-view in ${route}.axml binds no ${attribute}.`);
    return name;
  };
  return { message: handler('onMessage'), load: handler('onLoad') };
}

describeWebViewScenarios('native mini program (no framework)', {
  dir: dist,
  route,
  webViewId,
  url: 'https://h5.example.com/authcode/',
  scopes: ['USER_LOGIN_ID'],
  layer: { ecmaScript: 2019 },
  // The template renders the web-view only while `src` is set (`a:if="{{src}}"`).
  readSrc: (page) => (page.data.src as string) || undefined,
  // The host calls the bound page method with the component event: `detail` is `{ data }` or `{ src }`.
  fireWebViewEvent: (page, type, detail) =>
    page.call(webViewHandlers()[type], elementEvent(type, { id: webViewId, detail })).then(() => undefined),
  // No `signInPage`: build.mjs bundles each page apart (CommonJS output has no shared chunks), so the
  // sign-in page's flow and this page's responder each have their own copy of core's per-host turns.
});
