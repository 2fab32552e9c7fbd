import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AuthCodeView } from '@authcode/core';
import { bundleForLogicLayer, createLogicLayer } from '../src/index.ts';

interface SvelteLibrary {
  createAuthCode(input: unknown): {
    subscribe(run: (view: AuthCodeView) => void): () => void;
    request(): Promise<AuthCodeView>;
    destroy(): void;
  };
}

// The React adapter runs in the Taro example's harness tests (examples/taro); the Vue adapter in uni-app's.
describe('adapter subscriptions in a bare logic layer', () => {
  it('Svelte: the store follows a flow to success, and destroy() drops a late answer', async () => {
    const bundle = await bundleForLogicLayer({
      entry: {
        contents: `export { createAuthCode } from '@authcode/svelte';`,
        resolveDir: fileURLToPath(new URL('../../svelte', import.meta.url)),
      },
      // 'production', as Svelte's bundler plugins set it: esm-env's fallback reads globalThis.process.
      conditions: ['@authcode/source', 'browser', 'production'],
    });
    // Not ES2019: Svelte's own client runtime reads globalThis.document when it loads.
    const layer = createLogicLayer();
    const lib = layer.run(bundle) as SvelteLibrary;
    const store = lib.createAuthCode({ scopes: ['USER_LOGIN_ID'] });
    const seen: string[] = [];
    const unsubscribe = store.subscribe((view) => seen.push(view.status));
    const settled = store.request();
    await layer.settle();
    layer.host.lastAuthCall().grant();
    expect((await settled).status).toBe('success');
    expect(seen).toEqual(['idle', 'consenting', 'success']);

    const second = lib.createAuthCode({ scopes: ['USER_LOGIN_ID'] });
    const secondSeen: string[] = [];
    second.subscribe((view) => secondSeen.push(view.status));
    void second.request();
    await layer.settle();
    second.destroy();
    layer.host.lastAuthCall().grant();
    await layer.advance(60_000);
    expect(secondSeen).toEqual(['idle', 'consenting']);
    unsubscribe();
    expect(layer.errors).toEqual([]);
  });
});
