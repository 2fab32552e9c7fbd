import { commandsFlow, createStatusLog, type AdapterDriver } from '@authcode/conformance';
import type { AuthCodeInput, AuthCodeView } from '@authcode/core';
import type { AuthCodeStore } from '@authcode/svelte';
import { tick } from 'svelte';
import AuthFlow from './AuthFlow.svelte';

/** A Svelte 4 component instance, as `new Component(...)` returns it. */
interface Svelte4Component {
  $destroy(): void;
}
type Svelte4Constructor = new (options: {
  target: Element;
  props: Record<string, unknown>;
}) => Svelte4Component;

/** Mounts AuthFlow.svelte the Svelte 4 way (`new Component`, `$destroy`). */
export function mountAuthFlow(input?: AuthCodeInput, onRender?: (view: AuthCodeView) => void) {
  let flow: AuthCodeStore | undefined;
  const renders: AuthCodeView[] = [];
  const target = document.body.appendChild(document.createElement('div'));
  const component = new (AuthFlow as unknown as Svelte4Constructor)({
    target,
    props: {
      input,
      onCreate: (created: AuthCodeStore) => (flow = created),
      onRender: (view: AuthCodeView) => {
        renders.push(view);
        onRender?.(view);
      },
    },
  });
  if (!flow) throw new Error('AuthFlow.svelte did not create a flow');
  return {
    flow,
    renders,
    target,
    unmount() {
      component.$destroy();
      target.remove();
    },
  };
}

/** The conformance driver for Svelte 4: the log records each status the template rendered. */
export const svelte4Driver: AdapterDriver = {
  name: 'svelte 4',
  mount(input) {
    const log = createStatusLog();
    const { flow, renders, unmount } = mountAuthFlow(input, (view) => log.record(view.status));
    return commandsFlow(flow, {
      statuses: log.statuses,
      view: () => renders[renders.length - 1]!,
      flush: () => tick(),
      unmount,
    });
  },
};
