import { commandsFlow, createStatusLog, type AdapterDriver } from '@authcode/conformance';
import type { AuthCodeInput, AuthCodeView } from '@authcode/core';
import { flushSync, mount, tick, unmount } from 'svelte';
import type { UseAuthCodeResult } from '../src/runes';
import RunesAuthFlow from './components/RunesAuthFlow.svelte';

export interface MountedRunesFlow {
  flow: UseAuthCodeResult;
  /** Every view the component rendered, oldest first. */
  renders: AuthCodeView[];
  target: HTMLElement;
  unmount(): void;
}

/** Mounts `RunesAuthFlow.svelte` (which reads `auth.status` and the rest without `$`) and runs its effects. */
export function mountRunesFlow(
  input?: AuthCodeInput,
  onRender?: (view: AuthCodeView) => void,
): MountedRunesFlow {
  let flow: UseAuthCodeResult | undefined;
  const renders: AuthCodeView[] = [];
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(RunesAuthFlow, {
    target,
    props: {
      input,
      onCreate: (created) => (flow = created),
      onRender: (view) => {
        renders.push(view);
        onRender?.(view);
      },
    },
  });
  flushSync();
  if (!flow) throw new Error('RunesAuthFlow.svelte did not create a flow');
  return {
    flow,
    renders,
    target,
    unmount() {
      unmount(component);
      target.remove();
    },
  };
}

/** The conformance driver for the runes API: the log records each status its template rendered. */
export const runesDriver: AdapterDriver = {
  name: 'svelte runes',
  mount(input) {
    const log = createStatusLog();
    const { flow, renders, unmount } = mountRunesFlow(input, (view) => log.record(view.status));
    return commandsFlow(flow, {
      statuses: log.statuses,
      view: () => renders[renders.length - 1]!,
      flush: () => tick(),
      unmount,
    });
  },
};
