import { createSimulatedHost } from '@authcode/core/testing';
import { mount } from '@vue/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { injectAuthCode, provideAuthCode, type UseAuthCodeReturn } from '../src/index';

afterEach(() => vi.restoreAllMocks());

it('shares one flow between the provider and its descendants', async () => {
  let provided: UseAuthCodeReturn | undefined;
  let injected: UseAuthCodeReturn | undefined;
  const Status = defineComponent({
    setup() {
      const flow = injectAuthCode();
      injected = flow;
      return () => h('span', flow.status.value);
    },
  });
  const Provider = defineComponent({
    setup() {
      const flow = provideAuthCode({ host: createSimulatedHost(), scopes: ['USER_LOGIN_ID'] });
      provided = flow;
      return () => h('div', [flow.status.value, ':', h(Status)]);
    },
  });

  const wrapper = mount(Provider);
  expect(injected).toBe(provided);
  await injected!.request();
  await nextTick();
  expect(wrapper.text()).toBe('success:success');

  wrapper.unmount();
  expect(provided!.actorRef.getSnapshot().status).toBe('stopped');
});

it('throws an error naming provideAuthCode when nothing was provided', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const Orphan = defineComponent({
    setup() {
      injectAuthCode();
      return () => null;
    },
  });
  expect(() => mount(Orphan)).toThrow(/provideAuthCode\(\)/);
});

it('throws when called outside setup()', () => {
  expect(() => injectAuthCode()).toThrow(
    /call it in a setup\(\) below a component that called provideAuthCode\(\)/,
  );
});
