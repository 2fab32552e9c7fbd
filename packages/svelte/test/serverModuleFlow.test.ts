// @vitest-environment node
import { createScriptedHost } from '@authcode/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthCode } from '../src';
import { useAuthCode } from '../src/runes';

// A flow created outside a component on a server: what `export const auth = createAuthCode(...)`
// in a SvelteKit module does on the server, where that module serves every user.
const scopes = ['auth_base'];

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe.each([
  ['createAuthCode', createAuthCode],
  ['useAuthCode', useAuthCode],
] as const)('%s() outside a component on a server', (api, create) => {
  it('is never started: a request resolves idle and the host is never called', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = createScriptedHost();
    const flow = create({ host, scopes });
    const settled = await flow.request();
    expect([settled.status, settled.authCode]).toEqual(['idle', undefined]);
    expect(host.calls).toEqual([]);
    flow.destroy();
  });

  it('warns in development, naming the call and the fix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    create({ host: createScriptedHost(), scopes }).destroy();
    expect(warn.mock.calls).toEqual([
      [
        `[@authcode/svelte] ${api}() was called outside a component on a server, where a module serves every user: ` +
          'this flow is not started there. Create flows in components and share one with setAuthCodeContext() ' +
          '(docs/recipes/server-rendering.md, "One flow per user, never per server").',
      ],
    ]);
  });

  it('is silent in production, and still not started', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn');
    const host = createScriptedHost();
    const flow = create({ host, scopes });
    await flow.request();
    expect(host.calls).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});
