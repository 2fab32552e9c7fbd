// @vitest-environment node
import type { AuthCodeHost, AuthCodeView } from '@authcode/core';
import { createScriptedHost, findHost } from '@authcode/core/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createSSRApp, defineComponent, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { injectAuthCode, provideAuthCode, useAuthCode } from '../src/index';

let reads = 0;
const host: AuthCodeHost = { getAuthCode: vi.fn() };

beforeEach(() => {
  reads = 0;
  // A recording getter: any lookup of the global `my` counts.
  Object.defineProperty(globalThis, 'my', {
    configurable: true,
    get() {
      reads++;
      return host;
    },
  });
});

afterEach(() => {
  delete (globalThis as { my?: unknown }).my;
  vi.clearAllMocks();
});

it('the recording getter sees a lookup of the global my', () => {
  expect(findHost(undefined)).toBe(host);
  expect(reads).toBe(1);
});

it('renders idle without touching my or the host, even when setup() requests', async () => {
  let settled: Promise<AuthCodeView> | undefined;
  const AutoLogin = defineComponent({
    setup() {
      const flow = useAuthCode({ scopes: ['USER_LOGIN_ID'] });
      settled = flow.request();
      return () => h('p', flow.status.value);
    },
  });

  const html = await renderToString(createSSRApp(AutoLogin));

  expect(html).toBe('<p>idle</p>');
  expect((await settled)?.status).toBe('idle');
  expect(reads).toBe(0);
  expect(host.getAuthCode).not.toHaveBeenCalled();
});

it('renders a provided flow idle without touching my or the host', async () => {
  const Status = defineComponent({
    setup() {
      const flow = injectAuthCode();
      void flow.request();
      return () => h('span', flow.status.value);
    },
  });
  const Provider = defineComponent({
    setup() {
      provideAuthCode();
      return () => h('div', [h(Status)]);
    },
  });

  const html = await renderToString(createSSRApp(Provider));

  expect(html).toBe('<div><span>idle</span></div>');
  expect(reads).toBe(0);
  expect(host.getAuthCode).not.toHaveBeenCalled();
});

it('never starts a flow created outside a component on a server, and warns in development', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const scripted = createScriptedHost();
  // What a module-level `useAuthCode()` does on a Nuxt server, where that module serves every user.
  const flow = useAuthCode({ host: scripted, scopes: ['auth_base'] });
  expect((await flow.request()).status).toBe('idle');
  expect(scripted.calls).toEqual([]);
  expect(reads).toBe(0);
  expect(warn.mock.calls).toEqual([
    [
      '[@authcode/vue] useAuthCode() was called outside a component on a server, where a module serves every user: ' +
        'this flow is not started there. Call it in setup() and share it with provideAuthCode() ' +
        '(docs/recipes/server-rendering.md, "One flow per user, never per server").',
    ],
  ]);
  warn.mockRestore();
});
