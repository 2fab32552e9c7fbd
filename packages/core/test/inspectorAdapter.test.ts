import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectMiniProgramSocket,
  connectPlatformSocket,
  connectWebSocket,
  createInspectorAdapter,
  type InspectorSocketHandlers,
} from '../src/inspect';

const globals = globalThis as { my?: unknown; WebSocket?: unknown };
const realWebSocket = globals.WebSocket;

afterEach(() => {
  delete globals.my;
  globals.WebSocket = realWebSocket;
});

/** A scripted socket: the test opens and closes it; `sent` is what reached it. */
function createScriptedSocket() {
  const sent: string[] = [];
  const connections: InspectorSocketHandlers[] = [];
  let closes = 0;
  const connect = vi.fn((_url: string, handlers: InspectorSocketHandlers) => {
    connections.push(handlers);
    return { send: (text: string) => void sent.push(text), close: () => void (closes += 1) };
  });
  return {
    sent,
    connect,
    connections,
    closes: () => closes,
    last: () => connections[connections.length - 1]!,
  };
}

const grantEvent = (authCode: string) => ({
  type: '@xstate.event',
  event: { type: 'HOST.ANSWER', answer: { via: 'success', payload: { authCode } } },
});

describe('createInspectorAdapter', () => {
  it('masks every auth code in what it sends, without being configured', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    socket.last().onOpen();
    adapter.send(grantEvent('CODEFORADAPTER123'));
    expect(socket.sent).toHaveLength(1);
    expect(socket.sent[0]).not.toContain('CODEFORADAPTER123');
    expect(JSON.parse(socket.sent[0]!).event.answer.payload.authCode).toBe('CODE…');
  });

  it('keeps events until the socket opens, then sends them in order', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect, url: 'ws://10.0.0.2:8080' });
    adapter.send({ type: 'first' });
    adapter.start();
    adapter.send({ type: 'second' });
    expect(socket.sent).toEqual([]);
    expect(socket.connect).toHaveBeenCalledWith('ws://10.0.0.2:8080', expect.anything());
    socket.last().onOpen();
    expect(socket.sent.map((text) => JSON.parse(text).type)).toEqual(['first', 'second']);
  });

  it('keeps at most maxDeferredEvents, dropping the oldest', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect, maxDeferredEvents: 2 });
    for (const type of ['a', 'b', 'c']) adapter.send({ type });
    adapter.start();
    socket.last().onOpen();
    expect(socket.sent.map((text) => JSON.parse(text).type)).toEqual(['b', 'c']);
  });

  it('sends what waited when the socket opens during connect', () => {
    const sent: string[] = [];
    const adapter = createInspectorAdapter({
      connect(_url, handlers) {
        handlers.onOpen();
        return { send: (text) => void sent.push(text), close() {} };
      },
    });
    adapter.send({ type: 'early' });
    adapter.start();
    expect(sent).toHaveLength(1);
  });

  it('after a close, keeps events for the next start; a closed socket’s late open changes nothing', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    const first = socket.last();
    first.onOpen();
    first.onClose();
    adapter.send({ type: 'while-closed' });
    first.onOpen();
    expect(socket.sent).toEqual([]);
    adapter.start();
    socket.last().onOpen();
    expect(socket.sent.map((text) => JSON.parse(text).type)).toEqual(['while-closed']);
  });

  it('stop closes the socket; start is idempotent while connected', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    adapter.start();
    expect(socket.connect).toHaveBeenCalledTimes(1);
    adapter.stop();
    expect(socket.closes()).toBe(1);
  });

  it('connects to ws://localhost:8080 by default', () => {
    const socket = createScriptedSocket();
    createInspectorAdapter({ connect: socket.connect }).start();
    expect(socket.connect.mock.calls.map(([url]) => url)).toEqual(['ws://localhost:8080']);
  });

  it('a stopped connection’s late open or close changes nothing once a new one has started', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    const first = socket.last();
    adapter.stop();
    adapter.start();
    const second = socket.last();
    adapter.send({ type: 'waiting' });
    first.onOpen();
    expect(socket.sent).toEqual([]);
    second.onOpen();
    first.onClose();
    adapter.send({ type: 'after-late-close' });
    expect(socket.sent.map((text) => JSON.parse(text).type)).toEqual(['waiting', 'after-late-close']);
  });

  it('a closed connection’s late open changes nothing once a new one has started', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    const first = socket.last();
    first.onClose();
    adapter.start();
    adapter.send({ type: 'waiting' });
    first.onOpen();
    expect(socket.sent).toEqual([]);
    socket.last().onOpen();
    expect(socket.sent.map((text) => JSON.parse(text).type)).toEqual(['waiting']);
  });

  it('a socket that fails during connect is dropped: the next start connects again', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({
      connect(url, handlers) {
        const opened = socket.connect(url, handlers);
        if (socket.connect.mock.calls.length === 1) handlers.onClose();
        return opened;
      },
    });
    adapter.start();
    adapter.send({ type: 'waiting' });
    adapter.start();
    socket.last().onOpen();
    expect([socket.connect.mock.calls.length, socket.sent.map((text) => JSON.parse(text).type)]).toEqual([
      2,
      ['waiting'],
    ]);
  });

  it('stop before any start closes nothing and throws nothing', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.stop();
    expect([socket.connect.mock.calls.length, socket.closes()]).toEqual([0, 0]);
  });

  it('sends null for an event whose JSON form is nothing', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    socket.last().onOpen();
    adapter.send({ toJSON: () => undefined });
    expect(socket.sent).toEqual(['null']);
  });

  it('sends a note instead of an event it cannot serialise', () => {
    const socket = createScriptedSocket();
    const adapter = createInspectorAdapter({ connect: socket.connect });
    adapter.start();
    socket.last().onOpen();
    adapter.send({ type: 'x', size: 10n });
    expect(JSON.parse(socket.sent[0]!)).toMatchObject({ type: '@authcode.unserializable' });
  });
});

describe('the platform sockets', () => {
  it('connectWebSocket uses the global WebSocket', () => {
    const instances: { url: string; onopen?: () => void; send: (text: string) => void }[] = [];
    const sent: string[] = [];
    globals.WebSocket = class {
      onopen?: () => void;
      constructor(public url: string) {
        instances.push(this);
      }
      send(text: string) {
        sent.push(text);
      }
      close() {}
    };
    const onOpen = vi.fn();
    const socket = connectPlatformSocket('ws://127.0.0.1:1', { onOpen, onClose() {} });
    instances[0]!.onopen?.();
    socket.send('hello');
    expect([instances[0]!.url, onOpen.mock.calls.length, sent]).toEqual(['ws://127.0.0.1:1', 1, ['hello']]);
  });

  it('connectWebSocket reports a close or an error as a close, and closes the socket', () => {
    const instances: { onclose?: () => void; onerror?: () => void; closes: number }[] = [];
    globals.WebSocket = class {
      onclose?: () => void;
      onerror?: () => void;
      closes = 0;
      constructor() {
        instances.push(this);
      }
      send() {}
      close() {
        this.closes += 1;
      }
    };
    const onClose = vi.fn();
    const socket = connectWebSocket('ws://127.0.0.1:1', { onOpen() {}, onClose });
    instances[0]!.onclose?.();
    instances[0]!.onerror?.();
    socket.close();
    expect([onClose.mock.calls.length, instances[0]!.closes]).toEqual([2, 1]);
  });

  it('connectWebSocket says so where there is no WebSocket', () => {
    delete globals.WebSocket;
    expect(() => connectWebSocket('ws://x', { onOpen() {}, onClose() {} })).toThrow(/No WebSocket here/);
  });

  it('without WebSocket, uses my.connectSocket’s socket task', () => {
    delete globals.WebSocket;
    const task = { send: vi.fn(), close: vi.fn(), onOpen: vi.fn(), onClose: vi.fn(), onError: vi.fn() };
    const connectSocket = vi.fn(() => task);
    globals.my = { connectSocket };
    const onOpen = vi.fn();
    const socket = connectPlatformSocket('ws://127.0.0.1:2', { onOpen, onClose() {} });
    expect(connectSocket).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'ws://127.0.0.1:2', multiple: true }),
    );
    task.onOpen.mock.calls[0]![0]();
    socket.send('hi');
    expect([onOpen.mock.calls.length, task.send.mock.calls[0]![0]]).toEqual([1, { data: 'hi' }]);
  });

  it('my.connectSocket’s task: its close and error are reported as a close; close closes it', () => {
    const task = { send: vi.fn(), close: vi.fn(), onOpen: vi.fn(), onClose: vi.fn(), onError: vi.fn() };
    globals.my = { connectSocket: () => task };
    const onClose = vi.fn();
    const socket = connectMiniProgramSocket('ws://127.0.0.1:2', { onOpen() {}, onClose });
    task.onClose.mock.calls[0]![0]();
    task.onError.mock.calls[0]![0]();
    socket.close();
    expect([onClose.mock.calls.length, task.close.mock.calls.length]).toEqual([2, 1]);
  });

  it.each([
    ['null', null],
    ['an object without send', { taskId: 7 }],
  ])('uses the global socket when connectSocket returns %s', (_name, returned) => {
    const sendSocketMessage = vi.fn();
    globals.my = { connectSocket: () => returned, sendSocketMessage };
    connectMiniProgramSocket('ws://127.0.0.1:3', { onOpen() {}, onClose() {} }).send('legacy');
    expect(sendSocketMessage.mock.calls).toEqual([[{ data: 'legacy' }]]);
  });

  it('the global socket: its close and error are reported as a close; close closes it', () => {
    const closeSocket = vi.fn();
    const listeners: Record<string, () => void> = {};
    globals.my = {
      connectSocket: () => undefined,
      onSocketOpen: (callback: () => void) => void (listeners.open = callback),
      onSocketClose: (callback: () => void) => void (listeners.close = callback),
      onSocketError: (callback: () => void) => void (listeners.error = callback),
      closeSocket,
    };
    const onClose = vi.fn();
    const socket = connectMiniProgramSocket('ws://127.0.0.1:3', { onOpen() {}, onClose });
    listeners.close!();
    listeners.error!();
    socket.close();
    expect([onClose.mock.calls.length, closeSocket.mock.calls.length]).toEqual([2, 1]);
  });

  it('the global socket works on hosts without its listeners or closeSocket', () => {
    const sendSocketMessage = vi.fn();
    globals.my = { connectSocket: () => undefined, sendSocketMessage };
    const socket = connectMiniProgramSocket('ws://127.0.0.1:3', { onOpen() {}, onClose() {} });
    socket.send('bare');
    socket.close();
    expect(sendSocketMessage.mock.calls).toEqual([[{ data: 'bare' }]]);
  });

  it('falls back to the one global socket of hosts whose connectSocket returns no task', () => {
    const sendSocketMessage = vi.fn();
    let opened: (() => void) | undefined;
    globals.my = {
      connectSocket: vi.fn(() => undefined),
      onSocketOpen: (callback: () => void) => void (opened = callback),
      onSocketClose() {},
      onSocketError() {},
      sendSocketMessage,
      closeSocket() {},
    };
    const onOpen = vi.fn();
    const socket = connectMiniProgramSocket('ws://127.0.0.1:3', { onOpen, onClose() {} });
    opened?.();
    socket.send('legacy');
    expect([onOpen.mock.calls.length, sendSocketMessage.mock.calls[0]![0]]).toEqual([1, { data: 'legacy' }]);
  });

  it('connectMiniProgramSocket says so where there is no my.connectSocket', () => {
    expect(() => connectMiniProgramSocket('ws://x', { onOpen() {}, onClose() {} })).toThrow(
      /No `my.connectSocket`/,
    );
  });
});
