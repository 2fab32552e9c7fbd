import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/** Bundles one entry and evaluates it where there is no `my`, `window`, `document` or `WebSocket`. */
async function loadBare(entry: string): Promise<Record<string, unknown>> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'entry',
    write: false,
    logLevel: 'silent',
  });
  const sandbox: { entry?: Record<string, unknown> } = {};
  runInNewContext(`${bundled.outputFiles[0]!.text}; this.entry = entry;`, sandbox);
  return sandbox.entry ?? {};
}

describe('importing the subpath entries in a bare engine', () => {
  it('@authcode/core/hosts loads and creates its hosts without touching a global', async () => {
    const hosts = await loadBare('../src/hosts.ts');
    for (const name of ['createWebViewHost', 'createWebViewResponder', 'createJSBridgeHost']) {
      expect(typeof hosts[name], name).toBe('function');
      expect(() => (hosts[name] as (options: object) => unknown)({ scopes: ['auth_base'] })).not.toThrow();
    }
  });

  it('@authcode/core/inspect loads and creates an adapter without a socket', async () => {
    const inspect = await loadBare('../src/inspect.ts');
    const adapter = (inspect.createInspectorAdapter as () => { send(event: object): void })();
    expect(() => adapter.send({ type: 'queued before start' })).not.toThrow();
  });
});
