import { maskAuthCodes } from '../credential/mask.js';
import {
  connectPlatformSocket,
  type ConnectInspectorSocket,
  type InspectorSocket,
} from './inspectorSocket.js';

export interface InspectorAdapterOptions {
  /** The inspector server (`createInspectorServer` of `@statelyai/inspect/server`). Default `ws://localhost:8080`. */
  url?: string;
  /** Default: `WebSocket` where there is one, else `my.connectSocket`. */
  connect?: ConnectInspectorSocket;
  /** Events kept while the socket is not open; the oldest go first. Default 200. */
  maxDeferredEvents?: number;
}

/** An adapter for `createInspector` of `@statelyai/inspect`: the shape it calls. */
export interface InspectorAdapter {
  /** Opens the socket; events sent before it opens are kept and sent then. */
  start(): void;
  stop(): void;
  send(event: object): void;
}

/** JSON of an inspection event with every auth code masked; a throwing value becomes a note. */
function serialize(event: object): string {
  try {
    return JSON.stringify(maskAuthCodes(event)) ?? 'null';
  } catch (error) {
    return JSON.stringify({
      type: '@authcode.unserializable',
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Sends `@statelyai/inspect` events over the platform's socket (a mini program's `my.connectSocket`,
 * or `WebSocket`), masked as they are sent: `createInspector(createInspectorAdapter({ url }))`.
 */
export function createInspectorAdapter(options: InspectorAdapterOptions = {}): InspectorAdapter {
  const { url = 'ws://localhost:8080', connect = connectPlatformSocket, maxDeferredEvents = 200 } = options;
  let socket: InspectorSocket | undefined;
  let open = false;
  // Each start is a new connection; a closed or stopped one's late callbacks change nothing.
  let connection = 0;
  // Masked text only: the raw code never waits in here.
  const deferred: string[] = [];

  const flush = () => {
    while (open && socket && deferred.length > 0) socket.send(deferred.shift()!);
  };

  return {
    start() {
      if (socket) return;
      const current = ++connection;
      // `open` only counts while there is a socket, and only a start sets one: resetting it here is
      // enough (a close or stop drops the socket).
      open = false;
      const opened = connect(url, {
        onOpen() {
          if (current !== connection) return;
          open = true;
          flush();
        },
        onClose() {
          if (current !== connection) return;
          connection += 1;
          socket = undefined;
        },
      });
      // A socket that failed synchronously stays unset; one that opened sends what waited.
      if (current === connection) socket = opened;
      flush();
    },
    stop() {
      const current = socket;
      connection += 1;
      socket = undefined;
      current?.close();
    },
    send(event) {
      const text = serialize(event);
      if (open && socket) return socket.send(text);
      deferred.push(text);
      if (deferred.length > maxDeferredEvents) deferred.shift();
    },
  };
}
