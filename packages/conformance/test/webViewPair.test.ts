import type { AuthCodeHost } from '@authcode/core';
import { createWebViewHost, createWebViewResponder, webViewRefusals } from '@authcode/core/hosts';
import { describe, expect, it } from 'vitest';
import {
  createPostMessageChannel,
  describeConformance,
  readSecretFromSrc,
  scenarioScopes,
  webViewDriver,
} from '../src/index';

// Every shared scenario, with the host on the other side of a web-view's postMessage channel.
describeConformance(webViewDriver);

describe('the web-view pair', () => {
  it('reaches the mini-program page’s host once per request, with the scopes asked for', async () => {
    const calls: string[][] = [];
    const host: AuthCodeHost = {
      getAuthCode({ scopes, success }) {
        calls.push(scopes);
        setTimeout(() => success?.({ authCode: 'CODE-PAIR-000001', authSuccessScopes: scopes }), 0);
      },
    };
    const flow = await webViewDriver.mount({ host, scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'] });
    try {
      const settled = await flow.request();
      expect(settled.status).toBe('success');
      expect(calls).toEqual([['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL']]);
    } finally {
      flow.unmount();
    }
  });

  it('answers only the page opened with the latest src(), without reaching the host for another', async () => {
    const calls: string[][] = [];
    const host: AuthCodeHost = {
      getAuthCode({ scopes, success }) {
        calls.push(scopes);
        success?.({ authCode: 'CODE-PAIR-000002', authSuccessScopes: scopes });
      },
    };
    const channel = createPostMessageChannel();
    const responder = createWebViewResponder({ scopes: scenarioScopes, host, post: channel.postToPage });
    channel.onMiniProgramMessage((data) => responder.onMessage({ detail: { data } }));
    const stale = readSecretFromSrc(responder.src('https://h5.example/first'));
    const latest = readSecretFromSrc(responder.src('https://h5.example/second'));
    expect([stale, latest].map((secret) => secret?.length)).toEqual([22, 22]);

    const ask = (secret: string | undefined) =>
      new Promise<unknown>((settle) =>
        createWebViewHost({ post: channel.postFromPage, listen: channel.onPageMessage, secret }).getAuthCode({
          scopes: [...scenarioScopes],
          complete: settle,
        }),
      );
    expect(await ask(stale)).toMatchObject({ error: webViewRefusals.untrusted });
    expect(calls).toEqual([]);
    expect(await ask(latest)).toMatchObject({ authSuccessScopes: scenarioScopes });
    expect(calls).toEqual([scenarioScopes]);
  });
});
