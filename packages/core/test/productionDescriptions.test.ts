import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptions } from '../src/machine/machine.descriptions';
import { bundleSource, coreBuilds, type Core } from './support/coreBuilds';

/** Every `description` key anywhere in a machine config (states, transitions, the machine itself). */
function descriptionKeys(value: unknown, path = 'machine', found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, index) => descriptionKeys(item, `${path}[${index}]`, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'description') found.push(path);
      descriptionKeys(child, `${path}.${key}`, found);
    }
  }
  return found;
}

const builds = coreBuilds();
let development: Core;
let production: Core;
beforeAll(async () => {
  [development, production] = await Promise.all([builds.load('development'), builds.load('production')]);
});
afterAll(() => builds.dispose());

describe('machine descriptions', () => {
  it('production bundles have no description keys in the machine config, and none of the text', async () => {
    expect(descriptionKeys(production.authCodeMachine.config)).toEqual([]);
    const source = await bundleSource('production');
    for (const text of Object.values(descriptions)) expect(source).not.toContain(text);
  });

  it('development bundles describe the machine, every state and every described transition, for the inspector', () => {
    const { root } = development.authCodeMachine;
    expect(root.description).toBe(descriptions.machine);
    for (const [name, state] of Object.entries(root.states)) {
      expect(state.description, name).toBe(descriptions[name as keyof typeof descriptions]);
    }
    const described = new Set(
      [root, ...Object.values(root.states)].flatMap((state) =>
        [...state.transitions.values(), state.always ?? []]
          .flat()
          .map((transition) => transition.description),
      ),
    );
    // The machine, 6 states, 11 transitions, of which REQUEST's two guarded ones in idle, success and failed.
    expect(descriptionKeys(development.authCodeMachine.config)).toHaveLength(1 + 6 + 11 + 2 * 2);
    for (const key of ['reset', 'cancelConsent', 'cancelExchange', 'timeout', 'retry', 'expired'] as const) {
      expect(described, key).toContain(descriptions[key]);
    }
  });
});
