import { commandsFlow, createStatusLog, type AdapterDriver } from '@authcode/conformance';
import type { AuthCodeView } from '@authcode/core';
import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick } from 'vue';
import { useAuthCode, type UseAuthCodeReturn } from '../src/index';
import { readView } from './readView';

/** Mounts a component that renders the flow's status; the log records what each render showed. */
export const vueDriver: AdapterDriver = {
  name: 'vue',
  mount(input) {
    const log = createStatusLog();
    let flow: UseAuthCodeReturn | undefined;
    let rendered: AuthCodeView | undefined;
    const FlowStatus = defineComponent({
      setup() {
        flow = useAuthCode(input);
        const current = flow;
        return () => {
          rendered = readView(current);
          log.record(rendered.status);
          return h('p', rendered.status);
        };
      },
    });
    const wrapper = mount(FlowStatus);
    if (!flow || !rendered) throw new Error('the component did not render');
    const mounted = flow;
    return commandsFlow(mounted, {
      statuses: log.statuses,
      view: () => rendered!,
      flush: () => nextTick(),
      unmount: () => wrapper.unmount(),
    });
  },
};
