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
