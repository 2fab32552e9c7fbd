// The hosts for pages where `my.getAuthCode` cannot be called directly; see docs/h5-pages.md.
export { createWebViewHost } from './webViewHost.js';
export type { WebViewHostOptions } from './webViewHost.js';
export { createWebViewResponder, INVALID_WEB_VIEW_REQUEST } from './webViewResponder.js';
export type { WebViewResponder, WebViewResponderOptions } from './webViewResponder.js';
export { ANSWER_TYPE, REQUEST_TYPE } from './webViewProtocol.js';
export type { WebViewAnswer, WebViewRequest } from './webViewProtocol.js';
export { createJSBridgeHost, readBridgeAnswer } from './jsBridgeHost.js';
export type { JSBridge, JSBridgeHostOptions } from './jsBridgeHost.js';
