import sveltePackage from 'svelte/package.json' with { type: 'json' };
import xstatePackage from 'xstate/package.json' with { type: 'json' };
import { expect, it } from 'vitest';

it('runs the Svelte 4 suite on Svelte 4.0 and xstate 5.20', () => {
  expect(sveltePackage.version).toBe('4.0.0');
  expect(xstatePackage.version).toBe('5.20.0');
});
