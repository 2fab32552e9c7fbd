import { mount } from '@vue/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { useAuthCode, type UseAuthCodeReturn } from '../src/index';
import { readView } from './readView';
import { macrotask } from './macrotask';
import { createScriptedHost } from '@authcode/core/testing';

afterEach(() => vi.restoreAllMocks());

it('ends the flow with the component when unmounted while consenting', async () => {
  const warn = vi.spyOn(console, 'warn');
  const error = vi.spyOn(console, 'error');
  const host = createScriptedHost();
  let flow: UseAuthCodeReturn | undefined;
  let renders = 0;
  const Consent = defineComponent({
    setup() {
      const current = useAuthCode({ host, scopes: ['USER_LOGIN_ID'] });
      flow = current;
      return () => {
        renders++;
        return h('p', readView(current).status);
      };
    },
  });

  const wrapper = mount(Consent);
  const pending = flow!.request();
  await nextTick();
  expect(wrapper.text()).toBe('consenting');
  const rendersBeforeUnmount = renders;

  wrapper.unmount();
  host.grantAll();
  await macrotask();

  const { actorRef } = flow!;
  expect(actorRef.getSnapshot().status).toBe('stopped');
  for (const child of Object.values(actorRef.getSnapshot().children)) {
    expect(child?.getSnapshot().status).toBe('stopped');
  }
  expect(flow!.status.value).toBe('consenting');
  expect(flow!.authCode.value).toBeUndefined();
  expect(renders).toBe(rendersBeforeUnmount);
  expect((await pending).authCode).toBeUndefined();
  expect(warn).not.toHaveBeenCalled();
  expect(error).not.toHaveBeenCalled();
});
