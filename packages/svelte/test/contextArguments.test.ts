import { flushSync, mount, unmount } from 'svelte';
import { readable } from 'svelte/store';
import { afterEach, expect, it } from 'vitest';
import type { AuthCodeStore } from '../src';
import SharedFlow from './components/SharedFlow.svelte';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Mounts SharedFlow with `flowOrInput` and returns every flow it and its two children saw. */
function sharedFlows(flowOrInput: unknown): AuthCodeStore[] {
  const seen: AuthCodeStore[] = [];
  const target = document.body.appendChild(document.createElement('div'));
  const instance = mount(SharedFlow, {
    target,
    props: { flowOrInput: flowOrInput as AuthCodeStore, onCreate: (flow) => seen.push(flow) },
  });
  flushSync();
  cleanups.push(() => {
    unmount(instance);
    target.remove();
  });
  return seen;
}

it('setAuthCodeContext() without an argument creates a flow of its own and shares it', () => {
  const [shared, ...children] = sharedFlows(undefined);
  expect(shared!.actorRef.getSnapshot().status).toBe('active');
  expect(shared!.actorRef.getSnapshot().value).toBe('idle');
  expect(children).toEqual([shared, shared]);
});

it('setAuthCodeContext(null) from JavaScript creates a flow, as with no argument', () => {
  const [shared, ...children] = sharedFlows(null);
  expect(shared!.actorRef.getSnapshot().status).toBe('active');
  expect(children).toEqual([shared, shared]);
});

it('a store that is not a flow (no actorRef) is read as an input, never shared as the flow', () => {
  const foreign = readable(0);
  const [shared, ...children] = sharedFlows(foreign);
  expect(shared).not.toBe(foreign);
  expect(shared!.actorRef.getSnapshot().status).toBe('active');
  expect(children).toEqual([shared, shared]);
});
