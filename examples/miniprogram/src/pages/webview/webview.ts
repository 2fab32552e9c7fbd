import { createWebViewResponder, type WebViewResponder } from '@authcode/core/hosts';

/** The H5 page in the web-view; it asks this page for codes with createWebViewHost (docs/h5-pages.md). */
const h5Url = 'https://h5.example.com/authcode/';

interface WebViewPage {
  responder: WebViewResponder;
  setData(data: Partial<WebViewData>): void;
}

interface WebViewData {
  /** The web-view's src: empty until the secret is made, so the H5 page never opens without it. */
  src: string;
  /** Why no secret can be made (no random source), shown instead of the web-view. */
  unavailable: string;
}

const initialData: WebViewData = { src: '', unavailable: '' };

Page({
  data: initialData,

  async onLoad(this: WebViewPage) {
    this.responder = createWebViewResponder({
      // This page, not the H5 page, decides what may be asked for.
      scopes: ['USER_LOGIN_ID'],
      webViewId: 'authcode-web-view',
      origins: ['https://h5.example.com'],
    });
    try {
      // The logic layer has no Web Crypto: the secret's bytes come from my.getRandomValues, in a callback.
      await this.responder.ready();
      this.setData({ src: this.responder.src(h5Url) });
    } catch (error) {
      this.setData({ unavailable: error instanceof Error ? error.message : String(error) });
    }
  },

  // `onLoad` is the page's own hook: the web-view's events get names of their own.
  onWebViewMessage(this: WebViewPage, event: { detail: { data: unknown } }) {
    this.responder.onMessage(event);
  },

  onWebViewLoad(this: WebViewPage, event: { detail: { src?: unknown } }) {
    this.responder.onLoad(event);
  },
});
