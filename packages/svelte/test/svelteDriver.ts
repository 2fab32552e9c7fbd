import { commandsFlow, createStatusLog, type AdapterDriver } from '@authcode/conformance';
import { tick } from 'svelte';
import { mountAuthFlow } from './mountAuthFlow';

/** Mounts a real component that renders `$auth`; the log records each status its template rendered. */
export const svelteDriver: AdapterDriver = {
  name: 'svelte',
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
