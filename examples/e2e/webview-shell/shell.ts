/**
 * A simulated mini-program page hosting an H5 page in a `<web-view>`: the iframe stands in for the
 * web-view, `my.createWebViewContext` posts into it, and the H5 page's messages arrive as
 * `<web-view onMessage>` events. It answers with createWebViewResponder and the simulated consent sheet.
 */
import { createWebViewResponder } from '@authcode/core/hosts';
import { createSimulatedSuperApp, featuredScopes, readTestHooks } from '@authcode/example-shared';
import { TO_MINI_PROGRAM, TO_PAGE } from './channel';

const webView = document.getElementById('h5') as HTMLIFrameElement;
const origin = window.location.origin;

// The mini-program runtime's `my`: a web-view context posts into the frame.
Object.assign(window, {
  my: {
    createWebViewContext: (id: string) => ({
      postMessage: (data: unknown) => {
        if (id === webView.id) webView.contentWindow?.postMessage({ [TO_PAGE]: data }, origin);
      },
    }),
  },
});

const superApp = createSimulatedSuperApp({ ...readTestHooks(), delayMs: 50 });
// What this page lets the H5 page ask for: the scopes the React example offers first. The rest of
// its picker (behind "More scopes") is refused `scope-not-allowed`, without a sheet.
const responder = createWebViewResponder({
  scopes: featuredScopes,
  webViewId: webView.id,
  host: superApp.host,
});

// `<web-view onMessage="onMessage">`: only the frame's messages, as `{ detail: { data } }`.
window.addEventListener('message', (event) => {
  if (event.source !== webView.contentWindow || event.origin !== origin) return;
  const envelope = event.data as Record<string, unknown> | null;
  if (envelope && typeof envelope === 'object' && TO_MINI_PROGRAM in envelope) {
    responder.onMessage({ detail: { data: envelope[TO_MINI_PROGRAM] } });
  }
});

// The host's consent sheet, drawn over the web-view, as the super app draws it over the page.
const sheet = document.getElementById('sheet') as HTMLDivElement;
const scopeList = document.getElementById('sheet-scopes') as HTMLUListElement;
document.getElementById('sheet-approve')!.addEventListener('click', () => superApp.allowAll());
document.getElementById('sheet-decline')!.addEventListener('click', () => superApp.decline());

// Counts for the end-to-end test: forged and surplus requests must reach neither the host nor a sheet.
let sheetsOpened = 0;

function render() {
  const open = superApp.getState().sheet;
  sheet.hidden = !open;
  // Sheet ids count up from 1, one per sheet.
  if (open) sheetsOpened = open.id;
  sheet.dataset.sheetsOpened = String(sheetsOpened);
  sheet.dataset.hostCalls = String(superApp.host.calls.length);
  scopeList.replaceChildren(
    ...(open?.scopes ?? []).map((scope) => {
      const item = document.createElement('li');
      item.textContent = scope;
      return item;
    }),
  );
}
superApp.subscribe(render);
render();
// The secret in the fragment is what lets this frame's page ask; a page it reaches some other way cannot.
webView.src = responder.src('/index.html?webview');
