import type { AuthCodeActorRef } from '@authcode/core';
import { mount } from '@vue/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useAuthCode } from '../src/index';
import { createHeldHost, macrotask } from './heldHost';

afterEach(() => vi.restoreAllMocks());

const COMPONENTS = 1_000;

const running = (actors: AuthCodeActorRef[]) =>
  actors.filter((actor) => actor.getSnapshot().status === 'active').length;

it('leaves no running actor and no live host callback after 1,000 components unmount', async () => {
  const warn = vi.spyOn(console, 'warn');
  const host = createHeldHost();
  const actors: AuthCodeActorRef[] = [];
  const Consent = defineComponent({
    setup() {
      const flow = useAuthCode({ host, scopes: ['USER_LOGIN_ID'] });
      actors.push(flow.actorRef);
      void flow.request();
      return () => h('p', flow.status.value);
    },
  });
  const Page = defineComponent({
    setup: () => () => Array.from({ length: COMPONENTS }, (_, key) => h(Consent, { key })),
  });

  const wrapper = mount(Page);
  expect(running(actors)).toBe(COMPONENTS);
  // One consent sheet per host: the first flow's call is open, the others wait their turn.
  expect(host.held).toHaveLength(1);

  wrapper.unmount();
  expect(running(actors)).toBe(0);

  // A live callback would move its actor on; every one must find its flow gone.
  const before = actors.map((actor) => actor.getSnapshot());
  host.grantAll();
  await macrotask();
  const moved = actors.filter((actor, index) => actor.getSnapshot() !== before[index]).length;
  expect(moved).toBe(0);
  // The flows that were waiting left the line when they stopped: none called the host.
  expect(host.held).toHaveLength(1);
  expect(warn).not.toHaveBeenCalled();
});
