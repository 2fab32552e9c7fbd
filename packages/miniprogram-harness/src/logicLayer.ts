import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import vm from 'node:vm';
import { createRecordingConsole, type RecordingConsole } from './console.ts';
import { createVirtualClock, type VirtualClock } from './clock.ts';
import { createFakeMy, type FakeMy, type FakeMyOptions } from './fakeMy.ts';
import { removeBuiltinsAfter } from './builtins.ts';
import {
  createComponentInstance,
  createPageInstance,
  type ComponentHandle,
  type Options,
  type PageHandle,
} from './framework.ts';

/** Browser and Node names a logic layer lacks; the layer defines none of them unless a test passes it in `globals`. */
export const absentGlobals = [
  'window',
  'document',
  'process',
  'queueMicrotask',
  'AbortController',
  'AbortSignal',
  'EventTarget',
  'TextEncoder',
  'TextDecoder',
  'MessageChannel',
  'structuredClone',
  'crypto',
  'setImmediate',
  'fetch',
  'navigator',
  'self',
  'global',
  'require',
  'module',
  'my',
] as const;

export interface LogicLayerOptions {
  /** Extra globals a test asks for (e.g. `{ queueMicrotask }`). */
  globals?: Record<string, unknown>;
  /** Also set the fake host as `globalThis.my`. Default false: modules get it as a parameter only. */
  myOnGlobal?: boolean;
  /** Scripting of the fake `my`. */
  my?: FakeMyOptions;
  /** Removes the built-ins added after this ECMAScript edition (e.g. 2019: no globalThis, Array.prototype.at, …). */
  ecmaScript?: number;
}

export interface RunOptions {
  /** Shown in stack traces. */
  filename?: string;
  /** More module parameters, by name. */
  params?: Record<string, unknown>;
  /** Standard parameters not to pass (e.g. `['my']`: the script then sees only a global `my`, if any). */
  omitParams?: string[];
}

export interface RegisteredComponent {
  readonly path: string | undefined;
  readonly options: Options;
}

export interface LogicLayer {
  /** The vm context: the logic layer's global object. */
  readonly context: vm.Context;
  readonly host: FakeMy;
  readonly console: RecordingConsole;
  readonly clock: VirtualClock;
  /** Errors the engine would report as uncaught: from timers, host callbacks, lifecycle hooks. */
  readonly errors: unknown[];
  /** Runs a script as a module, `(require, module, exports, my, App, Page, Component, getApp, getCurrentPages)`; returns `module.exports`. */
  run(code: string, options?: RunOptions): unknown;
  /** Evaluates an expression in the context's global scope (as a plain script: no module parameters). */
  evaluate(code: string): unknown;
  /** Loads a built mini program: reads app.json, runs app.js (App() then onLaunch and onShow). */
  launch(dir: string, launchOptions?: Record<string, unknown>): Promise<void>;
  /** Runs a page's module once (if not run yet) and opens it: onLoad(query), onShow, onReady. */
  openPage(route: string, query?: Record<string, string>): Promise<PageHandle>;
  /**
   * Mounts a component registered with Component() (running its module first if needed): onInit,
   * deriveDataFromProps, didMount. `path` is its module path from the app root, e.g. `components/x/x`.
   */
  mountComponent(
    path: string,
    options?: { props?: Record<string, unknown>; page?: PageHandle },
  ): Promise<ComponentHandle>;
  /** The App() instance, once launched. */
  readonly app: Record<string, unknown> | undefined;
  /** Open pages, oldest first (what getCurrentPages() returns, as handles). */
  readonly pages: readonly PageHandle[];
  /** Every Component() registration, with the module path that made it. */
  readonly components: readonly RegisteredComponent[];
  /** The pages listed in app.json after launch. */
  readonly routes: readonly string[];
  /** Runs promise jobs and timers due now, and waits for requests in flight (real I/O) to answer. */
  settle(): Promise<void>;
  /** Moves the virtual clock on, running what falls due; requests in flight answer before time moves. */
  advance(ms: number): Promise<void>;
}

const moduleParamNames = [
  'require',
  'module',
  'exports',
  'my',
  'App',
  'Page',
  'Component',
  'getApp',
  'getCurrentPages',
];

/**
 * A mini program's logic layer in a `node:vm` context: ECMAScript built-ins, the four timer functions
 * (on a virtual clock), a recording console, and `App`/`Page`/`Component`/`getApp`/`getCurrentPages`.
 * `my` reaches code as a module parameter, as frameworks hand it to compiled modules.
 */
export function createLogicLayer(options: LogicLayerOptions = {}): LogicLayer {
  const errors: unknown[] = [];
  const onError = (error: unknown) => void errors.push(error);
  const context = vm.createContext({});
  // V8 gives every context a console and WebAssembly: neither is ECMAScript, and the console must record.
  vm.runInContext('delete globalThis.console; delete globalThis.WebAssembly;', context);
  const layerJson = vm.runInContext('JSON', context) as JSON;
  const toLayer = (value: unknown) =>
    value === undefined ? undefined : layerJson.parse(JSON.stringify(value));
  // JSON cannot carry bytes: they are copied into an ArrayBuffer made by the layer's own Uint8Array.
  const LayerUint8Array = vm.runInContext('Uint8Array', context) as Uint8ArrayConstructor;
  const bytesToLayer = (bytes: Uint8Array) => new LayerUint8Array(bytes).buffer as ArrayBuffer;

  const clock = createVirtualClock(onError);
  const recordingConsole = createRecordingConsole();
  const host = createFakeMy(
    {
      onError,
      toLayer,
      bytesToLayer,
      later: (callback) => void clock.globals.setTimeout(callback, 0),
      track: clock.track,
    },
    options.my,
  );

  let app: Record<string, unknown> | undefined;
  let appRoot: string | undefined;
  let routes: string[] = [];
  const pages: PageHandle[] = [];
  const pageOptions = new Map<string, Options>();
  const components: RegisteredComponent[] = [];
  const moduleCache = new Map<string, { exports: unknown }>();
  let loadingPath: string | undefined;

  const settle = () => clock.settle();
  const hooks = { settle, onError, toLayer };

  const routeOf = (file: string) =>
    appRoot ? relative(appRoot, file).split(sep).join('/').replace(/\.js$/, '') : file;

  const frameworkGlobals = {
    App(appOptions: Options) {
      if (app) throw new Error('App() was called twice.');
      app = { ...appOptions };
    },
    Page(options: Options) {
      if (!loadingPath) throw new Error('Page() was called outside a page module.');
      pageOptions.set(routeOf(loadingPath), options);
    },
    Component(options: Options) {
      components.push({ path: loadingPath ? routeOf(loadingPath) : undefined, options });
    },
    getApp: () => app,
    getCurrentPages: () => pages.map((page) => page.instance),
  };

  Object.assign(
    context,
    clock.globals,
    { console: recordingConsole.globals },
    frameworkGlobals,
    options.globals,
  );
  if (options.myOnGlobal) context.my = host.my;
  if (options.ecmaScript !== undefined) vm.runInContext(removeBuiltinsAfter(options.ecmaScript), context);

  function compile(code: string, filename: string, params: string[]): (...args: unknown[]) => void {
    // The code runs in a function of its own inside the wrapper: compiled modules may declare a name the
    // wrapper passes (uni-app's app.js has `const App = ...`), which is legal in a host's module scope.
    const wrapped = `(function (${params.join(', ')}) {return (function () {${code}\n}).call(this);})`;
    return vm.runInContext(wrapped, context, { filename }) as (...args: unknown[]) => void;
  }

  function runModule(
    code: string,
    filename: string,
    requireFn: (id: string) => unknown,
    extra: Record<string, unknown> = {},
    omit: readonly string[] = [],
  ) {
    const module = { exports: vm.runInContext('({})', context) as unknown };
    const values: Record<string, unknown> = {
      require: requireFn,
      module,
      exports: module.exports,
      my: host.my,
      ...frameworkGlobals,
      ...extra,
    };
    const names = [...moduleParamNames, ...Object.keys(extra)].filter(
      (name, index, all) => all.indexOf(name) === index && !omit.includes(name),
    );
    const fn = compile(code, filename, names);
    fn.call(module.exports, ...names.map((name) => values[name]));
    return module;
  }

  function resolveFile(from: string, id: string): string {
    const base = resolve(dirname(from), id);
    for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    throw new Error(`Cannot find module '${id}' from ${from}`);
  }

  function requireFile(file: string): unknown {
    const cached = moduleCache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    moduleCache.set(file, module);
    const previous = loadingPath;
    loadingPath = file;
    try {
      const loaded = runModule(readFileSync(file, 'utf8'), file, (id) => requireFile(resolveFile(file, id)));
      module.exports = loaded.exports;
      moduleCache.set(file, loaded);
    } finally {
      loadingPath = previous;
    }
    return moduleCache.get(file)!.exports;
  }

  function callHook(target: Record<string, unknown> | undefined, name: string, ...args: unknown[]) {
    const fn = target?.[name];
    if (typeof fn !== 'function') return;
    try {
      fn.apply(target, args.map(toLayer));
    } catch (error) {
      onError(error);
    }
  }

  const layer: LogicLayer = {
    context,
    host,
    console: recordingConsole,
    clock,
    errors,
    run(code, { filename = 'script.js', params = {}, omitParams = [] } = {}) {
      const noRequire = (id: string) => {
        throw new Error(`require('${id}') is not available in run(); bundle the script.`);
      };
      return runModule(code, filename, noRequire, params, omitParams).exports;
    },
    evaluate: (code) => vm.runInContext(code, context),
    async launch(dir, launchOptions = { query: {}, scene: 1001 }) {
      appRoot = resolve(dir);
      const manifest = JSON.parse(readFileSync(join(appRoot, 'app.json'), 'utf8')) as { pages?: string[] };
      routes = manifest.pages ?? [];
      requireFile(join(appRoot, 'app.js'));
      if (!app) throw new Error(`${dir}/app.js did not call App().`);
      callHook(app, 'onLaunch', launchOptions);
      callHook(app, 'onShow', launchOptions);
      await settle();
    },
    async openPage(route, query = {}) {
      if (!appRoot) throw new Error('launch() the mini program before opening a page.');
      if (!pageOptions.has(route)) requireFile(resolveFile(join(appRoot, 'app.js'), `./${route}`));
      const options = pageOptions.get(route);
      if (!options) throw new Error(`${route}.js did not call Page().`);
      const page = createPageInstance(route, options, hooks, (left) => pages.splice(pages.indexOf(left), 1));
      pages.push(page);
      callHook(page.instance, 'onLoad', query);
      callHook(page.instance, 'onShow');
      await settle();
      callHook(page.instance, 'onReady');
      await settle();
      return page;
    },
    async mountComponent(path, { props = {}, page } = {}) {
      if (!appRoot) throw new Error('launch() the mini program before mounting a component.');
      const registered = () => components.filter((component) => component.path === path).at(-1);
      if (!registered()) requireFile(resolveFile(join(appRoot, 'app.js'), `./${path}`));
      const found = registered();
      if (!found) throw new Error(`${path}.js did not call Component().`);
      const handle = createComponentInstance(path, found.options, props, page?.instance, hooks);
      await settle();
      return handle;
    },
    get app() {
      return app;
    },
    pages,
    components,
    get routes() {
      return routes;
    },
    settle,
    advance: (ms) => clock.advance(ms),
  };
  return layer;
}
