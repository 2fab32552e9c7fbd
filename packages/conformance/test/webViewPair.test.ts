import type { AuthCodeHost } from '@authcode/core';
import { describe, expect, it } from 'vitest';
import { describeConformance, webViewDriver } from '../src/index';

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
});
