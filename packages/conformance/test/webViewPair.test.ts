import { createSimulatedHost } from '@authcode/core';
import { describe, expect, it } from 'vitest';
import { describeConformance, webViewDriver } from '../src/index';

// Every shared scenario, with the host on the other side of a web-view's postMessage channel.
describeConformance(webViewDriver);

describe('the web-view pair', () => {
  it('reaches the mini-program page’s host once per request, with the scopes asked for', async () => {
    const host = createSimulatedHost();
    const flow = await webViewDriver.mount({ host, scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'] });
    try {
      const settled = await flow.request();
      expect(settled.status).toBe('success');
      expect(host.calls).toEqual([{ scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'] }]);
    } finally {
      flow.unmount();
    }
  });
});
