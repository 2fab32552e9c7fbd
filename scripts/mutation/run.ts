import { spawnSync } from 'node:child_process';

/**
 * `pnpm test:mutation [core react vue svelte]`: runs Stryker for each package named (all four by
 * default), one after the other, then prints the corrected scores (scripts/mutation/score.ts).
 * See docs/mutation-testing.md.
 */
const allPackages = ['core', 'react', 'vue', 'svelte'];
const requested = process.argv.slice(2).filter((argument) => argument !== '--');
const unknown = requested.filter((name) => !allPackages.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown package(s): ${unknown.join(', ')}; choose from ${allPackages.join(', ')}\n`);
  process.exit(2);
}
const targets = requested.length > 0 ? requested : allPackages;

const durations: string[] = [];
let failed = false;
for (const target of targets) {
  const started = Date.now();
  const run = spawnSync('pnpm', ['exec', 'stryker', 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_PACKAGE: target },
  });
  durations.push(`${target}: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  if (run.status !== 0) failed = true;
}

spawnSync('pnpm', ['exec', 'tsx', 'scripts/mutation/score.ts', ...targets], { stdio: 'inherit' });
process.stdout.write(`\nStryker run times: ${durations.join(', ')}\n`);
process.exit(failed ? 1 : 0);
