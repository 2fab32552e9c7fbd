// @ts-check
// Mutation testing (`pnpm test:mutation`, see docs/mutation-testing.md): one config for the four
// packages, chosen by MUTATION_PACKAGE. Not part of `pnpm test`: a full core run takes about 30 minutes.
const mutatedFiles = {
  core: ['packages/core/src/**/*.ts', '!packages/core/src/index.ts', '!packages/core/src/types.ts'],
  react: ['packages/react/src/**/*.{ts,tsx}', '!packages/react/src/index.ts', '!packages/react/src/types.ts'],
  vue: ['packages/vue/src/**/*.ts', '!packages/vue/src/index.ts', '!packages/vue/src/types.ts'],
  svelte: ['packages/svelte/src/**/*.ts', '!packages/svelte/src/index.ts'],
};

const target = process.env.MUTATION_PACKAGE ?? 'core';
if (!(target in mutatedFiles)) {
  throw new Error(`MUTATION_PACKAGE must be one of ${Object.keys(mutatedFiles).join(', ')}; got "${target}"`);
}
const reportDir = `reports/mutation/${target}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of Stryker's own node_modules, where Stryker looks for plugins.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  // The package's own Vitest project, without its type tests (see scripts/mutation/vitest.config.ts).
  vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
  mutate: mutatedFiles[target],
  coverageAnalysis: 'perTest',
  // A static mutant (code run when a module loads, such as the machine's config) runs the whole
  // suite. Never skip them with `ignoreStatic`: Stryker then runs the ones tests also cover with the
  // mutant switched on only after the module has loaded, and reports them as survivors.
  // The machine is shared: never more than two test processes.
  concurrency: 2,
  incremental: true,
  incrementalFile: `${reportDir}/incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['examples', 'bench', 'reports', 'coverage', 'dist'],
  thresholds: { high: 95, low: 90, break: null },
};
