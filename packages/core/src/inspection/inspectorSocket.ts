import { readGlobalMy } from '../superApp/globalMy.js';

/** What the inspector adapter needs from a platform's socket. */
export interface InspectorSocket {
  send(text: string): void;
  close(): void;
}

export interface InspectorSocketHandlers {
  onOpen(): void;
  /** The socket closed or failed; events wait for the next `start()`. */
  onClose(): void;
}

/** Opens a socket to `url` and reports its opening and closing. */
export type ConnectInspectorSocket = (url: string, handlers: InspectorSocketHandlers) => InspectorSocket;

/** A browser's (or web-view's) `WebSocket`. */
export const connectWebSocket: ConnectInspectorSocket = (url, { onOpen, onClose }) => {
  const Socket = typeof WebSocket === 'function' ? WebSocket : undefined;
  if (!Socket) throw new Error('No WebSocket here: use connectMiniProgramSocket, or pass `connect`.');
  const socket = new Socket(url);
  socket.onopen = () => onOpen();
  socket.onclose = () => onClose();
  socket.onerror = () => onClose();
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

type Callback = (...args: unknown[]) => void;
interface SocketTask {
  send(options: { data: string }): void;
  close(options?: object): void;
  onOpen(callback: Callback): void;
  onClose(callback: Callback): void;
  onError(callback: Callback): void;
}

const isSocketTask = (value: unknown): value is SocketTask =>
  typeof value === 'object' && value !== null && typeof (value as SocketTask).send === 'function';

/**
 * A mini program's `my.connectSocket`: the socket task it returns (`multiple: true`), or, on hosts
 * that return none, the one global socket of `my.onSocketOpen` and `my.sendSocketMessage`.
 */
export const connectMiniProgramSocket: ConnectInspectorSocket = (url, { onOpen, onClose }) => {
  const page = readGlobalMy() as Record<string, Callback> | undefined;
  if (typeof page?.connectSocket !== 'function') {
    throw new Error('No `my.connectSocket` here: use connectWebSocket, or pass `connect`.');
  }
  const task = page.connectSocket({ url, multiple: true, fail: () => onClose() }) as unknown;
  if (isSocketTask(task)) {
    task.onOpen(() => onOpen());
    task.onClose(() => onClose());
    task.onError(() => onClose());
    return { send: (data) => task.send({ data }), close: () => task.close() };
  }
  page.onSocketOpen?.(() => onOpen());
  page.onSocketClose?.(() => onClose());
  page.onSocketError?.(() => onClose());
  return {
    send: (data) => page.sendSocketMessage!({ data }),
    close: () => page.closeSocket?.(),
  };
};

/** `WebSocket` where the engine has one (browsers, web-views), else `my.connectSocket`. */
export const connectPlatformSocket: ConnectInspectorSocket = (url, handlers) =>
  typeof WebSocket === 'function' ? connectWebSocket(url, handlers) : connectMiniProgramSocket(url, handlers);
