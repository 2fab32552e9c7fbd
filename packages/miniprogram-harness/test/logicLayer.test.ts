import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absentGlobals, createLogicLayer } from '../src/index.ts';

describe('the logic layer', () => {
  it('defines none of the browser and Node globals a logic layer lacks', () => {
    const layer = createLogicLayer();
    for (const name of absentGlobals) {
      expect(layer.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
    expect(layer.evaluate('typeof WebAssembly')).toBe('undefined');
  });

  it('has the timers, a console and the framework functions', () => {
    const layer = createLogicLayer();
    for (const name of [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'console',
      'App',
      'Page',
      'Component',
      'getApp',
      'getCurrentPages',
    ]) {
      expect(layer.evaluate(`typeof ${name}`), name).not.toBe('undefined');
    }
  });

  it('defines a global only when a test asks', () => {
    const layer = createLogicLayer({
      globals: { queueMicrotask: (fn: () => void) => void Promise.resolve().then(fn) },
      myOnGlobal: true,
    });
    expect(layer.evaluate('typeof queueMicrotask')).toBe('function');
    expect(layer.evaluate('typeof globalThis.my.getAuthCode')).toBe('function');
  });

  it('hands my to a module as a parameter, not as a global', () => {
    const layer = createLogicLayer();
    const seen = layer.run('module.exports = [typeof my.getAuthCode, typeof globalThis.my];') as string[];
    expect([...seen]).toEqual(['function', 'undefined']);
    expect(() => layer.run('module.exports = my;', { omitParams: ['my'] })).toThrow(/my is not defined/);
  });

  it('records the console instead of printing', () => {
    const layer = createLogicLayer();
    layer.run('console.log("hello", { a: 1 }); console.error(new Error("boom"));');
    expect(layer.console.records.map((record) => [record.level, record.text])).toEqual([
      ['log', 'hello {"a":1}'],
      ['error', 'Error: boom'],
    ]);
  });

  it('runs timers on a virtual clock, with promise jobs between them', async () => {
    const layer = createLogicLayer();
    const log = layer.run(`
      const log = [];
      setTimeout(() => { log.push('t100'); Promise.resolve().then(() => log.push('job')); }, 100);
      setTimeout(() => log.push('t50'), 50);
      const cancelled = setTimeout(() => log.push('never'), 10);
      clearTimeout(cancelled);
      const every = setInterval(() => { log.push('tick'); if (log.filter((x) => x === 'tick').length === 3) clearInterval(every); }, 40);
      module.exports = log;
    `) as string[];
    await layer.advance(99);
    expect([...log]).toEqual(['tick', 't50', 'tick']);
    await layer.advance(1000);
    expect([...log]).toEqual(['tick', 't50', 'tick', 't100', 'job', 'tick']);
    expect(layer.clock.now).toBe(1099);
    expect(layer.clock.pending).toBe(0);
  });

  it('reports what a timer throws and goes on', async () => {
    const layer = createLogicLayer();
    const log = layer.run(
      `const log = []; setTimeout(() => { throw new Error('boom'); }); setTimeout(() => log.push('next')); module.exports = log;`,
    ) as string[];
    await layer.settle();
    expect([...log]).toEqual(['next']);
    expect(layer.errors.map(String)).toEqual(['Error: boom']);
  });
});

describe('the fake my', () => {
  it('answers getAuthCode as the hosts do: success or fail, then complete, once', () => {
    const layer = createLogicLayer();
    const log = layer.run(`
      const log = [];
      const options = (name) => ({ scopes: ['USER_LOGIN_ID', 'USER_NAME'],
        success: (r) => log.push([name, 'success', r]), fail: (r) => log.push([name, 'fail', r]), complete: () => log.push([name, 'complete']) });
      my.getAuthCode(options('a')); my.getAuthCode(options('b')); my.getAuthCode(options('c'));
      module.exports = log;
    `) as unknown[];
    const [a, b, c] = layer.host.authCalls;
    expect(a!.scopes).toEqual(['USER_LOGIN_ID', 'USER_NAME']);
    const code = a!.grant({ denied: { USER_NAME: '40006' } });
    b!.decline();
    c!.denyScopes({ USER_LOGIN_ID: '40006' });
    expect(JSON.parse(JSON.stringify(log))).toEqual([
      [
        'a',
        'success',
        { authCode: code, authSuccessScopes: ['USER_LOGIN_ID'], authErrorScopes: { USER_NAME: '40006' } },
      ],
      ['a', 'complete'],
      ['b', 'fail', { error: 11, errorMessage: 'Unauthorized to Get User Info' }],
      ['b', 'complete'],
      ['c', 'fail', { authErrorScopes: { USER_LOGIN_ID: '40006' } }],
      ['c', 'complete'],
    ]);
    expect(() => a!.decline()).toThrow(/twice/);
    expect(layer.host.authCalls.every((call) => call.answered)).toBe(true);
  });

  it("gives payloads of the layer's own realm", () => {
    const layer = createLogicLayer();
    const check = layer.run(
      `module.exports = { ok: undefined }; my.getAuthCode({ scopes: ['auth_base'], success: (r) => { module.exports.ok = Object.getPrototypeOf(r) === Object.prototype && r.authSuccessScopes instanceof Array; } });`,
    ) as { ok: boolean };
    layer.host.lastAuthCall().grant();
    expect(check.ok).toBe(true);
  });

  it('answers getRandomValues on a later task with random bytes in an ArrayBuffer of the layer', async () => {
    const layer = createLogicLayer({ ecmaScript: 2019 });
    const seen = layer.run(`
      const seen = { calls: [] };
      const ask = (length) => my.getRandomValues({ length,
        success: (r) => seen.calls.push(['success', r.randomValues instanceof ArrayBuffer, Array.from(new Uint8Array(r.randomValues))]),
        fail: (r) => seen.calls.push(['fail', r.error]),
        complete: () => seen.calls.push(['complete']) });
      ask(16); ask(16); ask(0);
      seen.inCall = seen.calls.length;
      module.exports = seen;
    `) as { inCall: number; calls: [string, ...unknown[]][] };
    expect(seen.inCall).toBe(0);
    await layer.settle();

    const plain = JSON.parse(JSON.stringify(seen.calls)) as unknown[][];
    expect(plain.map((call) => call.slice(0, 2))).toEqual([
      ['success', true],
      ['complete'],
      ['success', true],
      ['complete'],
      ['fail', 2],
      ['complete'],
    ]);
    const given = layer.host.randomValuesGiven.map((bytes) => [...bytes]);
    expect([plain[0]![2], plain[2]![2]]).toEqual(given);
    expect(given.map((bytes) => bytes.length)).toEqual([16, 16]);
    expect(given[0]).not.toEqual(given[1]);
    expect(layer.errors).toEqual([]);
  });

  it('records what the page posts to each web-view, by id', () => {
    const layer = createLogicLayer();
    layer.run(`
      const context = my.createWebViewContext('web-view-1');
      context.postMessage({ n: 1 });
      my.createWebViewContext('web-view-1').postMessage({ n: 2, dropped: () => 0 });
      my.createWebViewContext('other').postMessage({ n: 3 });
    `);
    expect(layer.host.webViewMessages('web-view-1')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(layer.host.webViewMessages('other')).toEqual([{ n: 3 }]);
    expect(layer.host.webViewMessages('none')).toEqual([]);
    expect(layer.host.apiCalls.map((call) => call.args[0])).toEqual(['web-view-1', 'web-view-1', 'other']);
  });

  it('names the members of my that code wanted and the fake lacks', () => {
    const layer = createLogicLayer();
    layer.run('module.exports = [typeof my.getSystemInfoSync().pixelRatio, typeof my.openBluetoothAdapter];');
    expect([...layer.host.missing]).toEqual(['openBluetoothAdapter']);
    expect(layer.host.apiCalls.map((call) => call.api)).toEqual(['getSystemInfoSync']);
  });
});

function writeApp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'harness-app-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

describe('App, Page and Component', () => {
  it('launches an app, opens a page, fires a tap and reads setData, then unloads', async () => {
    const dir = writeApp({
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.js': `const log = require('./log'); App({ onLaunch(o) { log.push('launch ' + o.scene); }, onShow() { log.push('app show'); } });`,
      'log.js': `module.exports = [];`,
      'pages/index/index.js': `const log = require('../../log.js');
        Component({ props: {} });
        Page({
          data: { count: 0, list: [{ name: 'a' }] },
          onLoad(query) { log.push('load ' + query.from); },
          onShow() { log.push('show'); },
          onReady() { log.push('ready'); },
          onUnload() { log.push('unload'); },
          onAdd(event) { this.setData({ count: this.data.count + event.currentTarget.dataset.step, 'list[0].name': 'b', 'deep.[1].v': 2 }); },
        });`,
    });
    const layer = createLogicLayer();
    await layer.launch(dir);
    expect(layer.routes).toEqual(['pages/index/index']);
    const page = await layer.openPage('pages/index/index', { from: 'test' });
    await page.tap('onAdd', { dataset: { step: 2 } });
    expect(page.data).toEqual({ count: 2, list: [{ name: 'b' }], deep: [null, { v: 2 }] });
    expect(page.setDataCalls).toHaveLength(1);
    expect(layer.evaluate('getCurrentPages().length')).toBe(1);
    await page.unload();
    expect(layer.pages).toHaveLength(0);
    expect(layer.components.map((component) => component.path)).toEqual(['pages/index/index']);
    const log = layer.run('module.exports = getApp();') as object;
    expect(log).toBe(layer.app);
    expect(layer.errors).toEqual([]);
  });

  it('mounts a component: onInit, deriveDataFromProps, didMount; methods; didUnmount', async () => {
    const dir = writeApp({
      'app.json': JSON.stringify({ pages: ['pages/a'] }),
      'app.js': 'App({});',
      'pages/a.js': 'Page({});',
      'components/counter/counter.js': `Component({
        props: { step: 1 },
        data: { count: 0, log: [] },
        onInit() { this.setData({ log: ['init'] }); },
        deriveDataFromProps(props) { this.setData({ 'log[1]': 'props ' + props.step }); },
        didMount() { this.setData({ 'log[2]': 'mount ' + this.$page.route }); },
        didUnmount() { globalThis.unmounted = true; },
        methods: { onAdd() { this.setData({ count: this.data.count + this.props.step }); } },
      });`,
    });
    const layer = createLogicLayer();
    await layer.launch(dir);
    const page = await layer.openPage('pages/a');
    const counter = await layer.mountComponent('components/counter/counter', { props: { step: 3 }, page });
    await counter.tap('onAdd');
    expect(counter.data).toEqual({ count: 3, log: ['init', 'props 3', 'mount pages/a'] });
    await counter.unmount();
    expect(layer.evaluate('unmounted')).toBe(true);
    expect(layer.errors).toEqual([]);
  });

  it('refuses a tap on a handler the page does not have', async () => {
    const dir = writeApp({
      'app.json': JSON.stringify({ pages: ['pages/a'] }),
      'app.js': 'App({});',
      'pages/a.js': 'Page({ onLoad() { throw new Error("load failed"); } });',
    });
    const layer = createLogicLayer();
    await layer.launch(dir);
    const page = await layer.openPage('pages/a');
    expect(layer.errors.map(String)).toEqual(['Error: load failed']);
    expect(() => page.tap('onMissing')).toThrow(/no handler onMissing/);
  });
});

describe('an older engine', () => {
  it('removes the built-ins added after the edition asked for', () => {
    const layer = createLogicLayer({ ecmaScript: 2019 });
    expect(layer.evaluate('typeof globalThis')).toBe('undefined');
    expect(
      layer.evaluate(
        '[typeof [].at, typeof Object.hasOwn, typeof Promise.allSettled, typeof WeakRef].join()',
      ),
    ).toBe('undefined,undefined,undefined,undefined');
    expect(layer.evaluate('[typeof Object.fromEntries, typeof [].flatMap, typeof Promise].join()')).toBe(
      'function,function,function',
    );
  });
});
