import { Text, View, WebView } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { createWebViewResponder } from '@authcode/core/hosts';
import { useState } from 'react';

/** The H5 page in the web-view; it asks this page for codes with createWebViewHost (docs/h5-pages.md). */
const h5Url = 'https://h5.example.com/authcode/';
const webViewId = 'authcode-web-view';

const createResponder = () =>
  createWebViewResponder({
    // This page, not the H5 page, decides what may be asked for.
    scopes: ['USER_LOGIN_ID'],
    webViewId,
    origins: ['https://h5.example.com'],
  });

export default function WebViewPage() {
  // One responder for the page's life: its secret and the request waiting for a sheet live in it.
  const [responder] = useState(createResponder);
  const [src, setSrc] = useState('');
  const [unavailable, setUnavailable] = useState('');

  useLoad(async () => {
    try {
      // The logic layer has no Web Crypto: the secret's bytes come from my.getRandomValues, in a callback.
      await responder.ready();
      setSrc(responder.src(h5Url));
    } catch (error) {
      setUnavailable(error instanceof Error ? error.message : String(error));
    }
  });

  // No web-view until the secret is made: the H5 page must open with it in its URL.
  if (!src) {
    return <View className="page">{unavailable && <Text className="error">{unavailable}</Text>}</View>;
  }
  return (
    <WebView
      id={webViewId}
      className="web-view"
      src={src}
      onMessage={responder.onMessage}
      onLoad={responder.onLoad}
    />
  );
}
