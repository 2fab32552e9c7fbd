import { existsSync, readFileSync } from 'node:fs';
import { elementEvent, type PageHandle } from '@authcode/miniprogram-harness';

/** One element of the compiled template that carries `data-role`, and the data keys it is bound to. */
interface RoleBinding {
  /** `a:if="{{key}}"`: the element exists only while this data key is truthy. */
  ifKey?: string;
  /** `{{key}}` as the element's text. */
  textKey?: string;
  /** `onTap="{{key}}"`: the data key whose value names the page method the host calls. */
  tapKey?: string;
  /** `disabled="{{key}}"`. */
  disabledKey?: string;
  /** `src="{{key}}"`. */
  srcKey?: string;
  /** `id="…"`, as written. */
  id?: string;
  /** `onMessage="{{key}}"`, `onLoad="{{key}}"`, …: by event type (`message`, `load`), the data key naming the handler. */
  eventKeys: Record<string, string>;
}

/**
 * Reads the compiled `.axml` so a test sees the page as the render layer does: uni-app's compiler
 * renames every template expression to a short data key (`a`, `b`, …), and the markup says which.
 */
export function readBindings(axmlFile: string): Map<string, RoleBinding> {
  const axml = readFileSync(axmlFile, 'utf8');
  const bindings = new Map<string, RoleBinding>();
  for (const [, attributes = '', text] of axml.matchAll(/<\w+([^>]*)>(?:\{\{(\w+)\}\})?/g)) {
    const role = /data-role="([\w-]+)"/.exec(attributes)?.[1];
    if (!role) continue;
    bindings.set(role, {
      ifKey: /a:if="\{\{(\w+)\}\}"/.exec(attributes)?.[1],
      textKey: text,
      tapKey: /onTap="\{\{(\w+)\}\}"/.exec(attributes)?.[1],
      disabledKey: /disabled="\{\{(\w+)\}\}"/.exec(attributes)?.[1],
      srcKey: /\bsrc="\{\{(\w+)\}\}"/.exec(attributes)?.[1],
      id: /\bid="([^"{}]+)"/.exec(attributes)?.[1],
      eventKeys: Object.fromEntries(
        [...attributes.matchAll(/\bon(\w+)="\{\{(\w+)\}\}"/g)].map(([, event = '', key = '']) => [
          event.toLowerCase(),
          key,
        ]),
      ),
    });
  }
  return bindings;
}

export interface RenderedPage {
  /** The text of the element with this `data-role`, or undefined when it is not rendered. */
  text(role: string): unknown;
  /** Whether the element with this `data-role` is rendered with `disabled` set. */
  disabled(role: string): boolean;
  /** The `src` of the element with this `data-role`, or undefined when it is not rendered. */
  src(role: string): string | undefined;
  /**
   * Fires an event of the element with this `data-role` as the host does: calls the method its
   * `on<Type>` names with the component event, `detail` as given (a web-view's `message`: `{ data }`).
   */
  fire(role: string, type: string, detail: Record<string, unknown>): Promise<unknown>;
  /**
   * Taps the element with this `data-role` as the host does: calls the method its `onTap` names.
   * Not refused while `disabled`: the logic layer may get a second tap before the view applies it.
   */
  tap(role: string): Promise<unknown>;
}

export function renderedPage(page: PageHandle, bindings: Map<string, RoleBinding>): RenderedPage {
  const binding = (role: string) => {
    const found = bindings.get(role);
    if (!found) throw new Error(`The compiled page has no element with data-role="${role}".`);
    return found;
  };
  const rendered = (role: string) => {
    const { ifKey } = binding(role);
    return ifKey === undefined || Boolean(page.data[ifKey]);
  };
  return {
    text(role) {
      const { textKey } = binding(role);
      return rendered(role) && textKey ? page.data[textKey] : undefined;
    },
    disabled(role) {
      const { disabledKey } = binding(role);
      return rendered(role) && disabledKey !== undefined && Boolean(page.data[disabledKey]);
    },
    src(role) {
      const { srcKey } = binding(role);
      return rendered(role) && srcKey ? (page.data[srcKey] as string | undefined) : undefined;
    },
    fire(role, type, detail) {
      const { eventKeys, id } = binding(role);
      const key = eventKeys[type];
      if (!rendered(role) || !key) throw new Error(`Nothing to fire: data-role="${role}" binds no ${type}.`);
      const handler = page.data[key];
      if (typeof handler !== 'string') throw new Error(`on${type} of data-role="${role}" names no method.`);
      return page.call(handler, elementEvent(type, { id, dataset: { role }, detail }));
    },
    tap(role) {
      const { tapKey } = binding(role);
      if (!rendered(role) || !tapKey) throw new Error(`Nothing to tap: data-role="${role}" is not rendered.`);
      const handler = page.data[tapKey];
      if (typeof handler !== 'string') throw new Error(`onTap of data-role="${role}" names no method.`);
      return page.tap(handler, { dataset: { role } });
    },
  };
}

/** `renderedPage` for any page of a built mini program: each route's compiled `.axml` is read once. */
export function renderedPages(built: string): (page: PageHandle) => RenderedPage {
  const byRoute = new Map<string, Map<string, RoleBinding>>();
  return (page) => {
    let bindings = byRoute.get(page.route);
    if (!bindings) {
      if (!existsSync(`${built}/app.json`)) {
        throw new Error(
          `No uni-app build at ${built}: run \`pnpm --filter ./examples/uniapp run build\` first.`,
        );
      }
      bindings = readBindings(`${built}/${page.route}.axml`);
      byRoute.set(page.route, bindings);
    }
    return renderedPage(page, bindings);
  };
}
