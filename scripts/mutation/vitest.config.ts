import path from 'node:path';
import { mergeConfig, type UserWorkspaceConfig } from 'vitest/config';
import core from '../../packages/core/vitest.config.ts';
import react from '../../packages/react/vitest.config.ts';
import svelte from '../../packages/svelte/vitest.config.ts';
import vue from '../../packages/vue/vitest.config.ts';

// Stryker starts Vitest from the sandbox's root (the working directory) with this file, so the chosen
// package's project gets its root here. Type tests (tsc) are left out: no mutant can change them.
// Instrumented code is several times slower, so the adapters' stress tests (1,000 mounts) get more
// time. Core's tests take milliseconds each: a short timeout lets Vitest fail a test that a mutant
// keeps waiting (a timer that never fires, an answer never settled) before Stryker's own timeout,
// which would restart the worker.
const testTimeouts: Record<string, number> = { core: 3_000, react: 60_000, vue: 60_000, svelte: 60_000 };
const projects: Record<string, UserWorkspaceConfig> = { core, react, vue, svelte };
const target = process.env.MUTATION_PACKAGE ?? 'core';
const project = projects[target];
if (!project) throw new Error(`MUTATION_PACKAGE must be one of ${Object.keys(projects).join(', ')}`);

export default mergeConfig(project, {
  root: path.resolve('packages', target),
  test: { typecheck: { enabled: false }, testTimeout: testTimeouts[target] },
});
