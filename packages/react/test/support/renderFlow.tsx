import type { AuthCodeInput } from '@authcode/core';
import { act, fireEvent, within } from '@testing-library/react';
import { Profiler } from 'react';
import { useAuthCode, type UseAuthCodeResult } from '../../src';
import type { ReactMode } from './reactModes';

export interface RenderedFlow {
  /** What the component rendered last. */
  readonly current: UseAuthCodeResult;
  /** Every result the component rendered, StrictMode's second render of each included. */
  readonly renders: readonly UseAuthCodeResult[];
  /** The commits React made for the component: StrictMode's double render of one commit counts once. */
  readonly commits: number;
  readonly container: HTMLElement;
  /** Clicks the component's button, whose handler is `() => request()`. */
  clickRequest(): void;
  rerender(input?: AuthCodeInput<unknown>): void;
  unmount(): void;
}

function Flow({
  input,
  onRender,
}: {
  input?: AuthCodeInput<unknown>;
  onRender(auth: UseAuthCodeResult): void;
}) {
  const auth = useAuthCode(input);
  onRender(auth);
  return <button onClick={() => auth.request()}>{auth.status}</button>;
}

/** Mounts one component that uses `useAuthCode` and records what it renders and commits. */
export function renderFlow(mode: ReactMode, input?: AuthCodeInput<unknown>): RenderedFlow {
  const renders: UseAuthCodeResult[] = [];
  let commits = 0;
  const tree = (nextInput?: AuthCodeInput<unknown>) => (
    <Profiler id="flow" onRender={() => commits++}>
      <Flow input={nextInput} onRender={(auth) => renders.push(auth)} />
    </Profiler>
  );
  const result = mode.render(tree(input));
  return {
    get current() {
      const last = renders[renders.length - 1];
      if (!last) throw new Error('the component has not rendered');
      return last;
    },
    renders,
    get commits() {
      return commits;
    },
    container: result.container,
    clickRequest: () => fireEvent.click(within(result.container).getByRole('button')),
    rerender: (nextInput) => result.rerender(tree(nextInput)),
    unmount: () => act(() => result.unmount()),
  };
}
