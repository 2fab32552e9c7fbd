/**
 * `my.request` as Alipay documents it (opendocs.alipay.com/mini/api/owycmh; the typings of
 * ant-mini-program/api-typings): `{ url, method, headers, data, dataType, timeout, success, fail,
 * complete }`, answered on a later task with `{ data, status, headers }`, or `fail({ error,
 * errorMessage })`; it returns a RequestTask with `abort()`.
 *
 * The harness has no network of its own: a request goes out only when its origin is routed
 * (`routes`, the test's stand-in for the server domain whitelist) to a real server, on loopback in
 * the tests. node:http sends it from outside the layer; the answer comes back into the layer's
 * realm as a timer of the layer, and the virtual clock waits for the real I/O (see clock.ts).
 */

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

/** What `my.request` needs from the logic layer it serves. */
export interface RequestLayer {
  later(callback: () => void): void;
  toLayer(value: unknown): unknown;
  bytesToLayer(bytes: Uint8Array): ArrayBuffer;
  deliver(callback: unknown, payload: unknown): void;
  /** Host work on real I/O that `settle()` and `advance()` wait for. */
  track(work: Promise<unknown>): void;
}

export interface RequestOptions {
  /**
   * The server domain whitelist: an https origin the page calls (`https://merchant.example.com`) →
   * the base URL of the server that answers it (`http://127.0.0.1:54321`). The request's path and
   * query are kept. A request to any other origin fails with error 11 and never leaves the process.
   */
  routes?: Record<string, string>;
  /** Sent as `User-Agent`, as a host's network stack would. */
  userAgent?: string;
}

/** One `my.request` call, as the page made it and as it went out. */
export interface RequestCall {
  /** The URL the page asked for. */
  readonly url: string;
  /** Upper case, `GET` when the page gave none. */
  readonly method: string;
  /** The option names the page used (`headers`, `header`, `dataType`, …): what a framework translated to. */
  readonly optionNames: readonly string[];
  /** Where the request went (the routed URL), or undefined when it was refused before sending. */
  readonly sentTo: string | undefined;
  /** The request headers as sent, lower-case names; besides them only `user-agent`, `host`, `connection` and `content-length`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body as sent, undefined for none. */
  readonly body: string | undefined;
  /** `in-flight` until the answer reached the page's callbacks. */
  readonly state: 'in-flight' | 'answered';
  /** The HTTP status, once a response came. */
  readonly status: number | undefined;
  /** The response body as text, once a response came. */
  readonly responseText: string | undefined;
  /** What `fail` got, if the request failed. */
  readonly failure: { error: number; errorMessage: string } | undefined;
  /** Whether the page aborted it (`task.abort()`) before its answer. */
  readonly aborted: boolean;
}

/** The request timeout Alipay documents: 30 s. Measured on the real clock: the request is real I/O. */
export const defaultRequestTimeoutMs = 30_000;

/** Alipay's error codes for my.request (api-typings, opendocs): the ones the harness gives. */
export const requestErrors = {
  /** Parameter error: no URL, not https, an unknown method or dataType, a header value not a string. */
  invalid: 2,
  /** The domain is not in the server domain whitelist (here: not routed). */
  notAllowed: 11,
  /** Network error (connection refused, reset). */
  network: 12,
  timeout: 13,
  /** The body does not decode as `dataType` asks (`JSON parse data error`). */
  decode: 14,
  /** Any status outside 200–299: `http status error`. */
  httpStatus: 19,
  /** The request was stopped (`task.abort()`). */
  stopped: 20,
} as const;

const methods = new Set(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT']);
const dataTypes = new Set(['json', 'text', 'base64', 'arraybuffer']);
/** The host sets these itself; a page cannot (Alipay fixes `referer` to the mini program's page). */
const hostOwnedHeaders = new Set(['referer', 'host', 'content-length']);

const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';

function queryString(data: unknown): string {
  if (typeof data === 'string') return data;
  if (typeof data !== 'object' || data === null) return '';
  return Object.entries(data as Record<string, unknown>)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** The body as Alipay builds it from `data`: a string as is, JSON or a query string by content type. */
function requestBody(data: unknown, contentType: string): string | Uint8Array | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return data;
  if (isArrayBuffer(data)) return new Uint8Array(data.slice(0));
  if (contentType.startsWith('application/x-www-form-urlencoded')) return queryString(data);
  return JSON.stringify(data);
}

function withQuery(url: string, data: unknown): string {
  const query = queryString(data);
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** Joins the route's base URL and the request's path and query. */
function routedUrl(target: string, asked: URL): string {
  const base = new URL(target);
  const prefix = base.pathname.replace(/\/$/, '');
  return `${base.origin}${prefix}${asked.pathname}${asked.search}`;
}

function normalizeRoutes(routes: Record<string, string> = {}): Map<string, string> {
  const normalized = new Map<string, string>();
  for (const [origin, target] of Object.entries(routes)) {
    const from = new URL(origin);
    if (from.protocol !== 'https:') throw new TypeError(`A route's key must be an https origin: ${origin}`);
    const to = new URL(target);
    if (to.protocol !== 'http:' && to.protocol !== 'https:') {
      throw new TypeError(`A route must lead to an http(s) URL: ${target}`);
    }
    normalized.set(from.origin, target);
  }
  return normalized;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A response as it came off the wire. */
interface Response {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

/**
 * `my.request(options)`: validates the options as the host does, sends the request with node:http
 * to the routed server (no `Origin`, no `Sec-Fetch-Site`: a mini program's request is not a browser
 * page's; no cookie jar either), and answers on a later task of the layer.
 */
export function createRequest(
  layer: RequestLayer,
  options: RequestOptions,
  calls: RequestCall[],
): (request: unknown) => { abort(): void } {
  const routes = normalizeRoutes(options.routes);
  const userAgent = options.userAgent ?? 'Mozilla/5.0 AlipayClient/10.5.0';

  return (request) => {
    const given = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
    const call: Mutable<RequestCall> = {
      url: typeof given.url === 'string' ? given.url : String(given.url),
      method: typeof given.method === 'string' ? given.method.toUpperCase() : 'GET',
      optionNames: Object.keys(given).filter((name) => typeof given[name] !== 'function'),
      sentTo: undefined,
      headers: {},
      body: undefined,
      state: 'in-flight',
      status: undefined,
      responseText: undefined,
      failure: undefined,
      aborted: false,
    };
    calls.push(call);
    let answered = false;
    /** Stops the request on the wire, once it is under way. */
    let cancel: (() => void) | undefined;

    /** Decides the answer once, and hands it to the page on a later task: success or fail, then complete. */
    const answer = (via: 'success' | 'fail', payload: unknown) => {
      if (answered) return;
      answered = true;
      layer.later(() => {
        call.state = 'answered';
        layer.deliver(given[via], payload);
        layer.deliver(given.complete, payload);
      });
    };
    const fail = (
      error: number,
      errorMessage: string,
      response?: { status: number; headers: Record<string, string>; data: unknown },
    ) => {
      if (answered) return;
      call.failure = { error, errorMessage };
      // With an HTTP status error the response rides along, so the page can read the server's answer.
      const payload = layer.toLayer({ error, errorMessage }) as Record<string, unknown>;
      if (response) Object.assign(payload, inLayer(response));
      answer('fail', payload);
    };

    const task = {
      abort() {
        if (answered) return;
        call.aborted = true;
        fail(requestErrors.stopped, 'request aborted');
        cancel?.();
      },
    };

    const problem = prepare();
    if (problem) {
      fail(requestErrors.invalid, problem);
      return task;
    }
    const asked = new URL(call.url);
    const target = routes.get(asked.origin);
    if (!target) {
      fail(
        requestErrors.notAllowed,
        `${asked.origin} is not in the server domain whitelist (no route in the harness).`,
      );
      return task;
    }

    const timeoutMs =
      typeof given.timeout === 'number' && given.timeout > 0 ? given.timeout : defaultRequestTimeoutMs;
    const dataType = typeof given.dataType === 'string' ? given.dataType : 'json';
    const sendsBody = call.method !== 'GET' && call.method !== 'HEAD';
    call.sentTo = routedUrl(target, new URL(sendsBody ? call.url : withQuery(call.url, given.data)));
    const body = sendsBody ? requestBody(given.data, call.headers['content-type'] ?? '') : undefined;
    call.body =
      body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body).toString();

    const work = send(body, timeoutMs).then((response) => {
      if (answered || !response) return;
      const { status, headers, bytes } = response;
      call.status = status;
      call.responseText = Buffer.from(bytes).toString('utf8');
      const ok = status >= 200 && status <= 299;
      const decoded = decode(bytes, dataType);
      if ('decodeError' in decoded && ok) return fail(requestErrors.decode, decoded.decodeError);
      // A refusal that is not JSON (a proxy's HTML page) is still an HTTP status error, with its text.
      const data = 'decodeError' in decoded ? call.responseText : decoded.data;
      const payload = { status, headers, data };
      if (ok) answer('success', inLayer(payload));
      else fail(requestErrors.httpStatus, 'http status error', payload);
    });
    layer.track(work);
    return task;

    /** Checks the options as the host does; sets the headers to send. Returns the problem, if any. */
    function prepare(): string | undefined {
      let url: URL;
      try {
        url = new URL(call.url);
      } catch {
        return `url must be an absolute URL, not ${JSON.stringify(given.url)}.`;
      }
      if (url.protocol !== 'https:') return 'my.request supports https URLs only.';
      if (!methods.has(call.method)) return `method ${JSON.stringify(given.method)} is not supported.`;
      if (given.dataType !== undefined && !dataTypes.has(String(given.dataType))) {
        return `dataType ${JSON.stringify(given.dataType)} is not supported.`;
      }
      // Alipay names it `headers`; newer base libraries also read WeChat's `header`.
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const source of [given.header, given.headers]) {
        if (source === undefined) continue;
        if (typeof source !== 'object' || source === null) return 'headers must be an object.';
        for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
          if (typeof value !== 'string') return `header ${name} must be a string.`;
          const key = name.toLowerCase();
          if (!hostOwnedHeaders.has(key)) headers[key] = value;
        }
      }
      call.headers = headers;
      return undefined;
    }

    /**
     * The real request, outside the layer, with node:http: exactly the headers the host sends (no
     * browser's `Origin`, `Sec-Fetch-*` or cookie jar), a connection of its own, no redirect followed.
     * Resolves undefined when it failed or was aborted (the failure is already decided).
     */
    function send(body: string | Uint8Array | undefined, timeoutMs: number): Promise<Response | undefined> {
      return new Promise((resolve) => {
        const target = new URL(call.sentTo!);
        const outgoing = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
          method: call.method,
          headers: {
            'user-agent': userAgent,
            ...call.headers,
            ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          },
          agent: false,
        });
        let finished = false;
        const finish = (response: Response | undefined) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          resolve(response);
        };
        /** Ends the connection; one still connecting is closed once connected, so the server sees it end. */
        const close = () => {
          const destroy = () => void outgoing.destroy();
          const whenConnected = (socket: Socket) =>
            socket.connecting ? socket.once('connect', destroy) : destroy();
          if (outgoing.socket) whenConnected(outgoing.socket);
          else outgoing.once('socket', whenConnected);
        };
        const timer = setTimeout(() => {
          fail(requestErrors.timeout, 'timeout');
          close();
          finish(undefined);
        }, timeoutMs);
        cancel = () => {
          close();
          finish(undefined);
        };
        outgoing.on('error', () => {
          fail(requestErrors.network, 'network error');
          finish(undefined);
        });
        outgoing.on('response', (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', () => outgoing.emit('error', new Error('response failed')));
          incoming.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            finish({
              status: incoming.statusCode ?? 0,
              headers,
              bytes: new Uint8Array(Buffer.concat(chunks)),
            });
          });
        });
        outgoing.end(body);
      });
    }

    /** The payload as an object of the layer; `data` is already the layer's own (or a string). */
    function inLayer(payload: { status: number; headers: Record<string, string>; data: unknown }): unknown {
      const copy = layer.toLayer({ status: payload.status, headers: payload.headers }) as Record<
        string,
        unknown
      >;
      copy.data = payload.data;
      return copy;
    }

    /** The response body as `dataType` asks; JSON that does not parse is error 14. */
    function decode(bytes: Uint8Array, type: string): { data: unknown } | { decodeError: string } {
      if (type === 'arraybuffer') return { data: layer.bytesToLayer(bytes) };
      if (type === 'base64') return { data: Buffer.from(bytes).toString('base64') };
      const text = Buffer.from(bytes).toString('utf8');
      if (type === 'text' || text === '') return { data: text };
      try {
        return { data: layer.toLayer(JSON.parse(text)) };
      } catch {
        return { decodeError: 'JSON parse data error' };
      }
    }
  };
}
