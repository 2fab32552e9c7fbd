import type { AuthCodeHost } from '@authcode/core';
import { createWebViewHost, createWebViewResponder, SECRET_PARAM } from '@authcode/core/hosts';
import { coreDriver } from './coreDriver';
import type { AdapterDriver } from './driver';
import { scenarioScopes } from './scenarios';

/** Where the simulated web-view opens the H5 page; the responder puts the secret in its fragment. */
const H5_PAGE_URL = 'https://h5.example/authcode';

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

/** The secret the H5 page finds in the fragment of the address it was opened at. */
export function readSecretFromSrc(src: string): string | undefined {
  return new URLSearchParams(new URL(src).hash.slice(1)).get(SECRET_PARAM) ?? undefined;
}

/**
 * The core flow in an H5 page whose host is `createWebViewHost`, answered through the channel by a
 * mini-program page's `createWebViewResponder` that asks the scenario's host. The responder allows
 * exactly the scenarios' scopes, and the page is the one opened at `responder.src(url)`: it sends
 * the secret from that address with each request, as a real page that read its own address does.
 */
export const webViewDriver: AdapterDriver = {
  name: 'core through a web-view (createWebViewHost ↔ createWebViewResponder)',
  mount(input) {
    const channel = createPostMessageChannel();
    const responder = createWebViewResponder({
      scopes: scenarioScopes,
      // The scenarios give host objects; a host chosen per request (a function) is the flow's, not the page's.
      ...(input.host ? { host: input.host as AuthCodeHost } : {}),
      post: channel.postToPage,
    });
    channel.onMiniProgramMessage((data) => responder.onMessage({ detail: { data } }));
    const secret = readSecretFromSrc(responder.src(H5_PAGE_URL));
    const host = createWebViewHost({ post: channel.postFromPage, listen: channel.onPageMessage, secret });
    return coreDriver.mount({ ...input, host });
  },
};
