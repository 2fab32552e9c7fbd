import { applySetData } from './setData.ts';

/** A registered App, Page or Component: the options object its module passed. */
export type Options = Record<string, unknown>;

export interface TapEventInit {
  /** `data-*` attributes of the tapped element. */
  dataset?: Record<string, unknown>;
  /** The id of the tapped element (Taro finds its element by it). */
  id?: string;
  detail?: Record<string, unknown>;
}

/** A page the harness opened: its `this`, what it rendered, and the host's lifecycle calls. */
export interface PageHandle {
  readonly route: string;
  /** The page's `this` as the host made it. */
  readonly instance: Record<string, unknown>;
  /** What the view has now: every setData so far applied to the initial data (a plain copy). */
  readonly data: Record<string, unknown>;
  /** Each setData payload in order (plain copies). */
  readonly setDataCalls: readonly Record<string, unknown>[];
  /** Whether onUnload has run. */
  readonly unloaded: boolean;
  /** Calls a lifecycle hook or handler on the page's `this`, if it has it, then runs what became due. */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  /** Fires a tap on an element bound to `handler`, with the event shape of the hosts. */
  tap(handler: string, init?: TapEventInit): Promise<unknown>;
  show(): Promise<void>;
  hide(): Promise<void>;
  /** Leaves the page: onUnload, then the page is gone from getCurrentPages(). */
  unload(): Promise<void>;
}

export interface FrameworkHooks {
  /** Runs promise jobs and timers that are due (no time passes). */
  settle(): Promise<void>;
  onError(error: unknown): void;
  /** Turns a value into an object of the logic layer's realm. */
  toLayer(value: unknown): unknown;
}

function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * An Alipay component event: `type`, `timeStamp`, `target` and `currentTarget` with `id` and `dataset`,
 * `detail`. A `<web-view>`'s are `message` (`detail: { data }`) and `load` (`detail: { src }`).
 */
export function elementEvent(type: string, init: TapEventInit = {}): Record<string, unknown> {
  const element = { id: init.id ?? '', dataset: init.dataset ?? {} };
  return {
    type,
    timeStamp: Date.now(),
    target: { ...element, targetDataset: element.dataset },
    currentTarget: element,
    detail: init.detail ?? {},
  };
}

/** Alipay's tap event. */
export const tapEvent = (init: TapEventInit = {}): Record<string, unknown> => elementEvent('tap', init);

/** Builds a page's `this` from its options as the host does: methods and hooks copied on, data cloned, setData. */
export function createPageInstance(
  route: string,
  options: Options,
  hooks: FrameworkHooks,
  onUnload: (page: PageHandle) => void,
): PageHandle {
  const data = plain((options.data ?? {}) as Record<string, unknown>);
  const setDataCalls: Record<string, unknown>[] = [];
  const instance: Record<string, unknown> = {};
  let unloaded = false;
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'data') instance[key] = value;
  }
  instance.route = route;
  instance.data = hooks.toLayer(data);
  instance.setData = (changes: Record<string, unknown>, callback?: () => void) => {
    const copy = plain(changes);
    setDataCalls.push(copy);
    applySetData(data, copy);
    instance.data = hooks.toLayer(data);
    // The render layer answers later; the callback runs as a new task.
    if (typeof callback === 'function') void Promise.resolve().then(() => callback.call(instance));
  };
  instance.$batchedUpdates = (fn: () => void) => fn();

  const handle: PageHandle = {
    route,
    instance,
    get data() {
      return plain(data);
    },
    setDataCalls,
    get unloaded() {
      return unloaded;
    },
    async call(name, ...args) {
      const fn = instance[name];
      let result: unknown;
      if (typeof fn === 'function') {
        try {
          result = fn.apply(
            instance,
            args.map((arg) => hooks.toLayer(arg)),
          );
        } catch (error) {
          hooks.onError(error);
        }
      }
      await hooks.settle();
      return result;
    },
    tap(handler, init) {
      if (typeof instance[handler] !== 'function') {
        throw new Error(`The page ${route} has no handler ${handler} to tap.`);
      }
      return handle.call(handler, tapEvent(init));
    },
    async show() {
      await handle.call('onShow');
    },
    async hide() {
      await handle.call('onHide');
    },
    async unload() {
      if (unloaded) return;
      await handle.call('onUnload');
      unloaded = true;
      onUnload(handle);
    },
  };
  return handle;
}

/** A component the harness mounted: Alipay's Component() with props, methods and its lifecycle. */
export interface ComponentHandle {
  readonly path: string | undefined;
  /** The component's `this`: methods, `props`, `data`, `setData`, `$page`. */
  readonly instance: Record<string, unknown>;
  /** Every setData so far applied to the initial data (a plain copy). */
  readonly data: Record<string, unknown>;
  readonly setDataCalls: readonly Record<string, unknown>[];
  /** Calls a method (from `methods`) or a lifecycle hook, then runs what became due. */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  tap(handler: string, init?: TapEventInit): Promise<unknown>;
  /** didUnmount. */
  unmount(): Promise<void>;
}

/** Alipay's component lifecycle: onInit, deriveDataFromProps(props), didMount; didUnmount on unmount. */
export function createComponentInstance(
  path: string | undefined,
  options: Options,
  props: Record<string, unknown>,
  page: Record<string, unknown> | undefined,
  hooks: FrameworkHooks,
): ComponentHandle {
  const data = plain((options.data ?? {}) as Record<string, unknown>);
  const setDataCalls: Record<string, unknown>[] = [];
  const instance: Record<string, unknown> = { ...((options.methods ?? {}) as Record<string, unknown>) };
  let unmounted = false;
  for (const hook of ['onInit', 'deriveDataFromProps', 'didMount', 'didUpdate', 'didUnmount']) {
    if (hook in options) instance[hook] = options[hook];
  }
  instance.is = path;
  instance.$page = page;
  instance.props = hooks.toLayer({ ...((options.props ?? {}) as Record<string, unknown>), ...props });
  instance.data = hooks.toLayer(data);
  instance.setData = (changes: Record<string, unknown>, callback?: () => void) => {
    const copy = plain(changes);
    setDataCalls.push(copy);
    applySetData(data, copy);
    instance.data = hooks.toLayer(data);
    if (typeof callback === 'function') void Promise.resolve().then(() => callback.call(instance));
  };

  const run = (name: string, args: unknown[]) => {
    const fn = instance[name];
    if (typeof fn !== 'function') return undefined;
    try {
      return fn.apply(
        instance,
        args.map((arg) => hooks.toLayer(arg)),
      );
    } catch (error) {
      hooks.onError(error);
      return undefined;
    }
  };
  run('onInit', []);
  run('deriveDataFromProps', [instance.props]);
  run('didMount', []);

  const handle: ComponentHandle = {
    path,
    instance,
    get data() {
      return plain(data);
    },
    setDataCalls,
    async call(name, ...args) {
      const result = run(name, args);
      await hooks.settle();
      return result;
    },
    tap(handler, init) {
      if (typeof instance[handler] !== 'function') {
        throw new Error(`The component ${path ?? ''} has no method ${handler} to tap.`);
      }
      return handle.call(handler, tapEvent(init));
    },
    async unmount() {
      if (unmounted) return;
      unmounted = true;
      await handle.call('didUnmount');
    },
  };
  return handle;
}
