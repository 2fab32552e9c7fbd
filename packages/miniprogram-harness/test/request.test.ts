import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogicLayer, type LogicLayer } from '../src/index.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records what reached it; `/hold` answers only when the test releases it. */
let server: Server;
let serverUrl: string;
let seen: Seen[] = [];
const held: ServerResponse[] = [];
const origin = 'https://merchant.example.com';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const path = request.url!.split('?')[0];
      if (path === '/hold') return void held.push(response);
      if (path === '/conflict') {
        response.writeHead(409, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ error: { code: 'code-used', message: 'Used.' } }));
      }
      if (path === '/proxy-error') {
        response.writeHead(502, { 'content-type': 'text/html' });
        return void response.end('<h1>Bad gateway</h1>');
      }
      if (path === '/text') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        return void response.end('not json');
      }
      if (path === '/redirect') {
        response.writeHead(302, { location: 'https://elsewhere.example/' });
        return void response.end();
      }
      response.writeHead(200, { 'content-type': 'application/json', 'x-answer': 'yes' });
      response.end(JSON.stringify({ echo: body, path: request.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of held) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

function layerWithRoute(routes: Record<string, string> = { [origin]: serverUrl }): LogicLayer {
  return createLogicLayer({ ecmaScript: 2019, my: { routes } });
}

/** Runs `my.request(options)` in the layer; the log gets [callback, payload as JSON] entries. */
function request(
  layer: LogicLayer,
  options: string,
): { log: [string, unknown, boolean][]; task: { abort(): void } } {
  return layer.run(`
    const log = [];
    const record = (name) => (payload) => log.push([name, JSON.parse(JSON.stringify(payload)),
      Object.getPrototypeOf(payload) === Object.prototype]);
    const task = my.request(Object.assign(${options}, {
      success: record('success'), fail: record('fail'), complete: record('complete') }));
    module.exports = { log, task };
  `) as { log: [string, unknown, boolean][]; task: { abort(): void } };
}

describe('my.request', () => {
  it('sends a POST to the routed server over loopback and answers on a later task, in the layer realm', async () => {
    const layer = layerWithRoute();
    const { log } = request(
      layer,
      `{ url: '${origin}/api/echo?x=1', method: 'POST', headers: { 'X-Authcode-Client': 'miniprogram' },
         data: { authCode: 'ABC' }, dataType: 'json' }`,
    );
    expect(log).toEqual([]);
    expect(layer.clock.inFlight).toBe(1);

    await layer.settle();

    expect(layer.clock.now).toBe(0);
    expect(layer.clock.inFlight).toBe(0);
    const [success, complete] = log;
    expect(success?.[0]).toBe('success');
    expect(success?.[2]).toBe(true);
    expect(success?.[1]).toMatchObject({
      status: 200,
      data: { echo: '{"authCode":"ABC"}', path: '/api/echo?x=1' },
      headers: { 'content-type': 'application/json', 'x-answer': 'yes' },
    });
    expect(complete?.[0]).toBe('complete');
    expect(log).toHaveLength(2);

    // What reached the server: a mini program's request, not a browser page's.
    expect(seen).toHaveLength(1);
    const [{ method, url, headers, body }] = seen as [Seen];
    expect([method, url, body]).toEqual(['POST', '/api/echo?x=1', '{"authCode":"ABC"}']);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-authcode-client']).toBe('miniprogram');
    expect(headers['user-agent']).toMatch(/AlipayClient/);
    expect(Object.keys(headers).sort()).toEqual([
      'connection',
      'content-length',
      'content-type',
      'host',
      'user-agent',
      'x-authcode-client',
    ]);

    const call = layer.host.lastRequest();
    expect(call).toMatchObject({
      url: `${origin}/api/echo?x=1`,
      method: 'POST',
      sentTo: `${serverUrl}/api/echo?x=1`,
      headers: { 'content-type': 'application/json', 'x-authcode-client': 'miniprogram' },
      body: '{"authCode":"ABC"}',
      state: 'answered',
      status: 200,
      failure: undefined,
      aborted: false,
    });
    expect(call.optionNames).toEqual(['url', 'method', 'headers', 'data', 'dataType']);
    expect(layer.host.apiCalls.map((entry) => entry.api)).toEqual(['request']);
    expect(layer.errors).toEqual([]);
  });

  it('a status outside 2xx fails with error 19; the response rides along', async () => {
    const layer = layerWithRoute();
    const { log } = request(layer, `{ url: '${origin}/conflict', method: 'POST', data: {} }`);
    await layer.settle();
    expect(log.map(([name]) => name)).toEqual(['fail', 'complete']);
    expect(log[0]?.[1]).toMatchObject({
      error: 19,
      errorMessage: 'http status error',
      status: 409,
      data: { error: { code: 'code-used', message: 'Used.' } },
    });
    expect(layer.host.lastRequest().failure).toEqual({ error: 19, errorMessage: 'http status error' });
  });

  it('a redirect is not followed: the routed server is the only one reached', async () => {
    const layer = layerWithRoute();
    const { log } = request(layer, `{ url: '${origin}/redirect', dataType: 'text' }`);
    await layer.settle();
    expect(log[0]?.[1]).toMatchObject({ error: 19, status: 302 });
    expect(seen).toHaveLength(1);
  });

  it('decodes as dataType asks; JSON that does not parse is error 14', async () => {
    const layer = layerWithRoute();
    const text = request(layer, `{ url: '${origin}/text', dataType: 'text' }`);
    const base64 = request(layer, `{ url: '${origin}/text', dataType: 'base64' }`);
    const json = request(layer, `{ url: '${origin}/text' }`);
    const bytes = layer.run(`
      const seen = {};
      my.request({ url: '${origin}/text', dataType: 'arraybuffer', success: (r) => {
        seen.isBuffer = r.data instanceof ArrayBuffer; seen.length = r.data.byteLength; } });
      module.exports = seen;
    `) as { isBuffer?: boolean; length?: number };
    await layer.settle();
    expect(text.log[0]?.[1]).toMatchObject({ data: 'not json', status: 200 });
    expect(base64.log[0]?.[1]).toMatchObject({ data: Buffer.from('not json').toString('base64') });
    expect(json.log[0]).toEqual(['fail', { error: 14, errorMessage: 'JSON parse data error' }, true]);
    expect({ ...bytes }).toEqual({ isBuffer: true, length: 8 });
    // A refusal that is not JSON is still an HTTP status error, with its text.
    const proxy = request(layer, `{ url: '${origin}/proxy-error' }`);
    await layer.settle();
    expect(proxy.log[0]?.[1]).toMatchObject({ error: 19, status: 502, data: '<h1>Bad gateway</h1>' });
    // GET sends data as a query string.
    request(layer, `{ url: '${origin}/echo', data: { a: 'b c', n: 1 } }`);
    await layer.settle();
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/echo?a=b%20c&n=1', body: '' });
  });

  it('sends nothing to an origin that is not routed (error 11), nor a URL that is not https (error 2)', async () => {
    const layer = layerWithRoute();
    const elsewhere = request(layer, `{ url: 'https://elsewhere.example/api', method: 'POST' }`);
    const plain = request(layer, `{ url: 'http://merchant.example.com/api' }`);
    const badHeader = request(layer, `{ url: '${origin}/api', headers: { 'x-n': 1 } }`);
    const badMethod = request(layer, `{ url: '${origin}/api', method: 'BREW' }`);
    expect(elsewhere.log).toEqual([]);
    await layer.settle();
    expect(elsewhere.log[0]?.[1]).toMatchObject({ error: 11 });
    for (const { log } of [plain, badHeader, badMethod]) {
      expect(log.map(([name, payload]) => [name, (payload as { error: number }).error])).toEqual([
        ['fail', 2],
        ['complete', 2],
      ]);
    }
    expect(seen).toEqual([]);
    expect(layer.host.requests.map((call) => call.sentTo)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('abort() stops the request: fail with error 20, never success', async () => {
    const layer = layerWithRoute();
    const { log, task } = request(layer, `{ url: '${origin}/hold', method: 'POST', data: {} }`);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    task.abort();
    task.abort();
    await layer.settle();
    expect(log.map(([name]) => name)).toEqual(['fail', 'complete']);
    expect(log[0]?.[1]).toEqual({ error: 20, errorMessage: 'request aborted' });
    expect(layer.host.lastRequest()).toMatchObject({ aborted: true, state: 'answered', status: undefined });
  });

  it('times out on the real clock (the request is real I/O): error 13', async () => {
    const layer = layerWithRoute();
    const { log } = request(layer, `{ url: '${origin}/hold', timeout: 50 }`);
    await layer.settle();
    expect(log[0]?.[1]).toEqual({ error: 13, errorMessage: 'timeout' });
    expect(layer.clock.now).toBe(0);
  });

  it('a server that is down is a network error (12)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const layer = layerWithRoute({ [origin]: `http://127.0.0.1:${port}` });
    const { log } = request(layer, `{ url: '${origin}/api' }`);
    await layer.settle();
    expect(log[0]?.[1]).toEqual({ error: 12, errorMessage: 'network error' });
  });

  it('answers after what is due now and before the virtual clock moves on', async () => {
    const layer = layerWithRoute();
    const log = layer.run(`
      const log = [];
      setTimeout(() => log.push('t10'), 10);
      my.request({ url: '${origin}/api', complete: () => log.push('answer') });
      setTimeout(() => log.push('t0'), 0);
      module.exports = log;
    `) as string[];
    await layer.advance(10);
    expect([...log]).toEqual(['t0', 'answer', 't10']);
  });

  it('canIUse: true for Alipay APIs, false for DingTalk-only ones', () => {
    const layer = createLogicLayer();
    expect(layer.run(`module.exports = [my.canIUse('request'), my.canIUse('saveFileToDingTalk')];`)).toEqual([
      true,
      false,
    ]);
  });

  it('refuses a route that is not from an https origin', () => {
    expect(() => createLogicLayer({ my: { routes: { 'http://merchant.example.com': serverUrl } } })).toThrow(
      /https origin/,
    );
  });
});
