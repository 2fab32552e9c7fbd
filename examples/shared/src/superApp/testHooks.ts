/**
 * What an end-to-end test may put on `window` before the page loads, to know the codes the
 * simulated host issues (the page itself only ever shows them masked). Never set outside tests.
 */
export interface ExampleTestHooks {
  createCode?: () => string;
  /** The wallet account the simulated super app is signed in as (the embedded wallet's demo users). */
  walletUserId?: string;
}

export function readTestHooks(): ExampleTestHooks {
  return (globalThis as { __authcodeExampleHooks__?: ExampleTestHooks }).__authcodeExampleHooks__ ?? {};
}
