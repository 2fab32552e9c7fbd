export default defineAppConfig({
  pages: ['pages/index/index', 'pages/webview/webview'],
  window: { navigationBarTitleText: 'authcode' },
});
