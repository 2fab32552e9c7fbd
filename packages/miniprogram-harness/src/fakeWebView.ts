/** A `<web-view>`'s context as `my.createWebViewContext(id)` returns it. */
export interface WebViewContext {
  /** Sends a message to the page in the web-view: recorded for the test, as the host's bridge copies it. */
  postMessage(data: unknown): void;
}

export interface WebViewContexts {
  createWebViewContext(id: unknown): WebViewContext;
  /** What was posted to the web-view with this id, oldest first (plain copies). */
  messages(id: string): readonly unknown[];
}

/**
 * `my.createWebViewContext(webviewId)`: a context per call, bound to the web-view by its `id`. There is
 * no page in the web-view here, so each `postMessage` is kept, by id, for the test to read.
 */
export function createWebViewContexts(): WebViewContexts {
  const posted = new Map<string, unknown[]>();
  return {
    createWebViewContext(id) {
      const key = String(id);
      return {
        postMessage(data) {
          // The bridge sends JSON: what cannot cross it does not reach the page.
          const copy = data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as unknown);
          posted.set(key, [...(posted.get(key) ?? []), copy]);
        },
      };
    },
    messages: (id) => posted.get(id) ?? [],
  };
}
