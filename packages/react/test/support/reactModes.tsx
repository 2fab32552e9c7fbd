import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import { Fragment, StrictMode, type ReactElement } from 'react';
import { describe } from 'vitest';

/** A way React runs components: plain, or StrictMode with its double renders and effects. */
export interface ReactMode {
  name: 'normal' | 'strict';
  strict: boolean;
  /** Wraps a tree in this mode, for renderers other than @testing-library/react. */
  wrap(ui: ReactElement): ReactElement;
  /** `@testing-library/react`'s render, in this mode (rerenders keep the mode). */
  render(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>): RenderResult;
}

function createMode(name: ReactMode['name']): ReactMode {
  const Wrapper = name === 'strict' ? StrictMode : Fragment;
  return {
    name,
    strict: name === 'strict',
    wrap: (ui) => <Wrapper>{ui}</Wrapper>,
    render: (ui, options) => render(ui, { ...options, wrapper: Wrapper }),
  };
}

export const reactModes: readonly ReactMode[] = [createMode('normal'), createMode('strict')];

/** Runs a suite once per React mode, as XState's own React tests do. */
export function describeEachReactMode(name: string, suite: (mode: ReactMode) => void): void {
  for (const mode of reactModes) {
    describe(`${name} (${mode.name})`, () => suite(mode));
  }
}
