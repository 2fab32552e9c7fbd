import type { AuthCodeInput } from '@authcode/core';
import { createSimulatedHost } from '@authcode/core/testing';
import { mount } from '@vue/test-utils';
import { expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { useAuthCode, type UseAuthCodeReturn } from '../src/index';
import { macrotask } from './macrotask';
import { createExchange } from '@authcode/core/exchange';

/** Mounts one component that reads `status` and one that reads only `authCode`, on one flow each; counts renders. */
async function countRenders(input: () => AuthCodeInput<unknown>) {
  const counts = { status: 0, authCode: 0 };
  const flows: UseAuthCodeReturn[] = [];
  const reader = (field: keyof typeof counts) =>
    defineComponent({
      setup() {
        const flow = useAuthCode(input());
        flows.push(flow);
        return () => {
          counts[field]++;
          return h('p', String(flow[field].value));
        };
      },
    });
  const wrappers = [mount(reader('status')), mount(reader('authCode'))];
  await Promise.all(flows.map((flow) => flow.request()));
  await nextTick();
  await macrotask();
  for (const wrapper of wrappers) wrapper.unmount();
  return counts;
}

it('renders once per distinct status, and an authCode reader only when the code arrives', async () => {
  const counts = await countRenders(() => ({ host: createSimulatedHost(), scopes: ['USER_LOGIN_ID'] }));
  // idle, consenting, success
  expect(counts.status).toBe(3);
  // the initial render, then the code: not for consenting
  expect(counts.authCode).toBe(2);
});

it('does not re-render an authCode reader at all when exchange spends the code', async () => {
  const counts = await countRenders(() => ({
    host: createSimulatedHost(),
    scopes: ['USER_LOGIN_ID'],
    exchange: createExchange(async () => ({ user: 'u-1' })),
  }));
  // idle, consenting, exchanging, success
  expect(counts.status).toBe(4);
  expect(counts.authCode).toBe(1);
});
