import { useAuthCode } from '@authcode/vue';
import { mount } from '@vue/test-utils';
import xstatePackage from 'xstate/package.json' with { type: 'json' };
import { expect, it } from 'vitest';
import { defineComponent, h, version } from 'vue';

it('runs the Vue suite on Vue 3.3 and xstate 5.20', () => {
  expect(version).toBe('3.3.0');
  expect(xstatePackage.version).toBe('5.20.0');
  const Status = defineComponent(() => {
    const { status } = useAuthCode({ scopes: ['auth_base'] });
    return () => h('p', status.value);
  });
  const wrapper = mount(Status);
  expect(wrapper.text()).toBe('idle');
  wrapper.unmount();
});
