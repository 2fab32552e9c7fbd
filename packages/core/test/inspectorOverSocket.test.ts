import { build } from 'esbuild';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

const entry = fileURLToPath(new URL('./support/inspectedFlow.entry.ts', import.meta.url));
const RAW_CODE = 'RAWCODE4INSPECTOR7X9Q2K5M8W';

/** `my.connectSocket` of a mini program, carried by a real WebSocket client from `ws`. */
function createFakeMy() {
  const sockets: WebSocket[] = [];
  return {
    sockets,
    my: {
      connectSocket({ url }: { url: string; multiple?: boolean }) {
        const socket = new WebSocket(url);
        sockets.push(socket);
        return {
          send: ({ data }: { data: string }) => socket.send(data),
          close: () => socket.close(),
          onOpen: (callback: () => void) => socket.on('open', () => callback()),
          onClose: (callback: () => void) => socket.on('close', () => callback()),
          onError: (callback: () => void) => socket.on('error', () => callback()),
        };
      },
    },
  };
}

/** How the engine reaches the server: a logic layer's `my.connectSocket`, or a web-view's `WebSocket`. */
const platforms = [
  {
    name: 'a mini program’s logic layer, over my.connectSocket',
    globals(): { globals: Record<string, unknown>; sockets: () => number } {
      const { my, sockets } = createFakeMy();
      return { globals: { my }, sockets: () => sockets.length };
    },
  },
  {
    name: 'a web-view page or a browser, over WebSocket',
    globals(): { globals: Record<string, unknown>; sockets: () => number } {
      let count = 0;
      // The `ws` client has the browser's WebSocket shape (onopen, onclose, onerror, send).
      const BrowserLikeWebSocket = class extends WebSocket {
        constructor(url: string) {
          super(url);
          count += 1;
        }
      };
      return { globals: { WebSocket: BrowserLikeWebSocket }, sockets: () => count };
    },
  },
];

describe.each(platforms)('the inspector from $name', (platform) => {
  let server: WebSocketServer;
  const received: string[] = [];

  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => socket.on('message', (data) => received.push(String(data))));
    await once(server, 'listening');
  });

  afterAll(async () => {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends a flow’s inspection events to a WebSocket server, with the code masked in every one', async () => {
    const bundle = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'neutral',
      // What a mini-program bundler picks: browser builds (@statelyai/inspect's `#uuid` included).
      mainFields: ['browser', 'module', 'main'],
      conditions: ['browser', 'import'],
      format: 'iife',
      globalName: 'inspected',
      write: false,
      logLevel: 'silent',
    });
    // ECMAScript built-ins only (what a logic layer has), plus timers, a console that records and the socket.
    const printed: string[] = [];
    const record = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    const { globals, sockets } = platform.globals();
    const context = createContext({
      setTimeout,
      clearTimeout,
      console: { log: record, info: record, warn: record, error: record, debug: record },
      ...globals,
    });
    expect(runInContext('typeof window + typeof EventTarget + typeof document', context)).toBe(
      'undefinedundefinedundefined',
    );
    runInContext(bundle.outputFiles[0]!.text, context);
    const { port } = server.address() as AddressInfo;
    const runInspectedFlow = runInContext('inspected.runInspectedFlow', context) as (options: {
      url: string;
      code: string;
    }) => Promise<string>;

    expect(await runInspectedFlow({ url: `ws://127.0.0.1:${port}`, code: RAW_CODE })).toBe('success');
    // The last snapshot is sent on a timer after the flow settles; wait for it to arrive.
    const events = () =>
      received.map((text) => JSON.parse(text) as { type: string; snapshot?: { value?: unknown } });
    for (
      let tries = 0;
      tries < 200 && !events().some((event) => event.snapshot?.value === 'success');
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const types = events().map((event) => event.type);
    const rawOccurrences = received.filter((text) => text.includes(RAW_CODE)).length;
    // The mask shows at most four characters (none once the flow has dropped the code).
    const maskedOccurrences = received.filter((text) => /"authCode":"(RAWC)?…"/.test(text)).length;
    process.stdout.write(
      `inspector from ${platform.name}: ${received.length} messages (${types.filter((type) => type === '@xstate.actor').length} actor, ${types.filter((type) => type === '@xstate.event').length} event, ${types.filter((type) => type === '@xstate.snapshot').length} snapshot); raw code in ${rawOccurrences}; masked code in ${maskedOccurrences}\n`,
    );
    expect(sockets()).toBe(1);
    expect(new Set(types)).toEqual(new Set(['@xstate.actor', '@xstate.event', '@xstate.snapshot']));
    expect(events().some((event) => event.snapshot?.value === 'success')).toBe(true);
    expect(rawOccurrences).toBe(0);
    // Masked, not left out: the grant is visible in the inspector, its code as `RAWC…` or `…`.
    expect(maskedOccurrences).toBeGreaterThan(0);
    expect(printed.join('\n')).not.toContain(RAW_CODE);
  });
});
