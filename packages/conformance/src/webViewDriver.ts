import { createWebViewHost, createWebViewResponder } from '@authcode/core/hosts';
import { coreDriver } from './coreDriver';
import type { AdapterDriver } from './driver';

/**
 * A postMessage channel between an H5 page and its mini-program page: each message arrives later
 * (a timer), as a copy (a JSON round trip, as the bridge serialises it), never as the same object.
 */
export function createPostMessageChannel() {
  const carry = (message: unknown, deliver: (copy: unknown) => void) =>
    void setTimeout(() => deliver(JSON.parse(JSON.stringify(message))), 0);
  let toPage: ((message: unknown) => void) | undefined;
  let toMiniProgram: ((message: unknown) => void) | undefined;
  return {
    /** What the H5 page's `my.postMessage` does. */
    postFromPage: (message: unknown) => carry(message, (copy) => toMiniProgram?.(copy)),
    /** What `my.createWebViewContext(id).postMessage` does. */
    postToPage: (message: unknown) => carry(message, (copy) => toPage?.(copy)),
    onPageMessage(listener: (message: unknown) => void) {
      toPage = listener;
      return () => {
        toPage = undefined;
      };
    },
    onMiniProgramMessage(listener: (message: unknown) => void) {
      toMiniProgram = listener;
    },
  };
}

/**
 * The core flow in an H5 page whose host is `createWebViewHost`, answered through the channel by a
 * mini-program page's `createWebViewResponder` that asks the scenario's host.
 */
export const webViewDriver: AdapterDriver = {
  name: 'core through a web-view (createWebViewHost ↔ createWebViewResponder)',
  mount(input) {
    const channel = createPostMessageChannel();
    const responder = createWebViewResponder({
      ...(input.host ? { host: input.host } : {}),
      post: channel.postToPage,
    });
    channel.onMiniProgramMessage((data) => responder.onMessage({ detail: { data } }));
    const host = createWebViewHost({ post: channel.postFromPage, listen: channel.onPageMessage });
    return coreDriver.mount({ ...input, host });
  },
};
