// The hosts for pages where `my.getAuthCode` cannot be called directly; see docs/h5-pages.md.
export { createWebViewHost, takeWebViewSecret } from './h5Hosts/webViewHost.js';
export type { WebViewHostOptions } from './h5Hosts/webViewHost.js';
export { createWebViewResponder } from './h5Hosts/webViewResponder.js';
export type { WebViewResponder, WebViewResponderOptions } from './h5Hosts/webViewResponder.js';
export {
  ANSWER_TYPE,
  INVALID_WEB_VIEW_REQUEST,
  REQUEST_TYPE,
  webViewRefusals,
} from './h5Hosts/webViewProtocol.js';
export { SECRET_PARAM } from './h5Hosts/webViewSecret.js';
export type { SecretSource } from './h5Hosts/webViewSecret.js';
export type { WebViewAnswer, WebViewRequest } from './h5Hosts/webViewProtocol.js';
export { createJSBridgeHost, readBridgeAnswer } from './h5Hosts/jsBridgeHost.js';
export type { JSBridge, JSBridgeHostOptions } from './h5Hosts/jsBridgeHost.js';
export { superAppHostOr } from './superApp/superAppHostOr.js';
