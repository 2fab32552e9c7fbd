import { describe, expect, it } from 'vitest';
import type { AdapterDriver } from './driver';
import { scenarios } from './scenarios';

/**
 * The scenario suite every adapter passes. The status sequences are the same for every framework:
 * the core run (`coreDriver`) is the reference, and each scenario names the sequence it expects.
 */
export function describeConformance(driver: AdapterDriver): void {
  describe(`${driver.name} conformance`, () => {
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const flow = await driver.mount(scenario.input());
        try {
          const settled = await scenario.run(flow);
          await flow.flush();
          expect(flow.statuses).toEqual(scenario.statuses);
          scenario.check(flow.view(), settled);
        } finally {
          flow.unmount();
        }
      });
    }
  });
}
