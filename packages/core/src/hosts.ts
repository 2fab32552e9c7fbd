// The hosts for pages where `my.getAuthCode` cannot be called directly; see docs/h5-pages.md.
export { createWebViewHost, takeWebViewSecret } from './webViewHost.js';
export type { WebViewHostOptions } from './webViewHost.js';
export { createWebViewResponder } from './webViewResponder.js';
export type { WebViewResponder, WebViewResponderOptions } from './webViewResponder.js';
export { ANSWER_TYPE, INVALID_WEB_VIEW_REQUEST, REQUEST_TYPE, webViewRefusals } from './webViewProtocol.js';
export { SECRET_PARAM } from './webViewSecret.js';
export type { SecretSource } from './webViewSecret.js';
export type { WebViewAnswer, WebViewRequest } from './webViewProtocol.js';
export { createJSBridgeHost, readBridgeAnswer } from './jsBridgeHost.js';
export type { JSBridge, JSBridgeHostOptions } from './jsBridgeHost.js';
