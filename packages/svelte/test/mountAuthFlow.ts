import type { AuthCodeInput, AuthCodeView } from '@authcode/core';
import { flushSync, mount, unmount } from 'svelte';
import type { AuthCodeStore } from '../src';
import AuthFlow from './components/AuthFlow.svelte';

export interface MountedAuthFlow {
  flow: AuthCodeStore;
  /** Every view the component rendered, oldest first. */
  renders: AuthCodeView[];
  unmount(): void;
}

/** Mounts `AuthFlow.svelte` into the document and runs its effects, as an app's first paint does. */
export function mountAuthFlow(
  input?: AuthCodeInput,
  onRender?: (view: AuthCodeView) => void,
): MountedAuthFlow {
  let flow: AuthCodeStore | undefined;
  const renders: AuthCodeView[] = [];
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(AuthFlow, {
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
  if (!flow) throw new Error('AuthFlow.svelte did not create a flow');
  return {
    flow,
    renders,
    unmount() {
      unmount(component);
      target.remove();
    },
  };
}
