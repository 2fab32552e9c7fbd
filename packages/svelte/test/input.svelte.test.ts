import type { AuthCodeInput } from '@authcode/core';
import { createSimulatedHost } from '@authcode/core/testing';
import { flushSync, mount, unmount } from 'svelte';
import { expect, it } from 'vitest';
import type { AuthCodeStore } from '../src';
import AuthFlow from './components/AuthFlow.svelte';

it('reads the input once, when the component creates the flow', async () => {
  const first = createSimulatedHost();
  const later = createSimulatedHost();
  let flow: AuthCodeStore | undefined;
  // Reactive props, as a parent passes them: the test changes `input` after the flow was created.
  const props = $state<{ input: AuthCodeInput; onCreate: (created: AuthCodeStore) => void }>({
    input: { host: first, scopes: ['auth_base'] },
    onCreate: (created) => (flow = created),
  });
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(AuthFlow, { target, props });
  flushSync();

  props.input = { host: later, scopes: ['auth_user'] };
  flushSync();
  await flow?.request();

  expect([first.calls, later.calls]).toEqual([[{ scopes: ['auth_base'] }], []]);
  unmount(component);
  target.remove();
});
