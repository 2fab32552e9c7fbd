/**
 * `pnpm bench`: what one auth flow costs against the least an XState app could do, in one process.
 * Timing ratios are reported, never asserted (machines are noisy); the memory bound is enforced by
 * `scripts/budgets/memory-check.ts`.
 *
 * Usage: node --expose-gc --import tsx bench/flow.bench.ts
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { formatTable } from '../scripts/budgets/table.ts';
import { rootDir } from '../scripts/budgets/workspace.ts';
import { baselineMachine, runBaselineFlow } from './baseline.ts';
import { loadBuiltCore } from './loadCore.ts';
import { measureFlowMemory } from './memory.ts';
import { compare } from './timing.ts';

/** The flow-overhead goal: reported next to the measured ratio. */
const FLOW_RATIO_GOAL = 1.5;
const MEMORY_FLOWS = 10_000;

const core = await loadBuiltCore();
/** A placeholder, not a credential: nothing here prints what a flow returns. */
const benchCode = 'BENCH00000000000000000000';
const host = core.createScriptedHost({ answer: 'now' }, { authCode: benchCode, record: false });
const scopes = core.knownScopes;
const input = { host, scopes };

const flowOptions = { warmup: 10_000, samples: 31, iterations: 200 };
const flow = await compare(
  () => core.requestAuthCode(input),
  () => runBaselineFlow(input),
  flowOptions,
);

const creationOptions = { warmup: 20_000, samples: 31, iterations: 1_000 };
const creation = await compare(
  () => createActor(core.authCodeMachine, { input }).start().stop(),
  () => createActor(baselineMachine, { input }).start().stop(),
  creationOptions,
);

const memory = await measureFlowMemory(() => core.requestAuthCode(input), MEMORY_FLOWS);
const baselineMemory = await measureFlowMemory(() => runBaselineFlow(input), MEMORY_FLOWS);

const results = {
  environment: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    core: 'packages/core/dist/index.js',
  },
  flow: {
    description: `requestAuthCode with a synchronous host, ${scopes.length} scopes, vs one fromPromise machine`,
    unit: 'µs per flow (median)',
    ...flow,
    goal: FLOW_RATIO_GOAL,
    withinGoal: flow.ratio <= FLOW_RATIO_GOAL,
    ...flowOptions,
  },
  actorCreation: {
    description: 'createActor + start + stop, authCodeMachine vs the baseline machine',
    unit: 'µs per actor (median)',
    ...creation,
    ...creationOptions,
  },
  memory: { ...memory, baselineGrowthBytes: baselineMemory.growthBytes },
};
writeFileSync(join(rootDir, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const micros = (value: number) => `${value.toFixed(2)} µs`;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
process.stdout.write(
  `${formatTable(
    ['measure', 'authcode', 'baseline', 'ratio', 'goal / bound'],
    [
      [
        `flow, ${scopes.length} scopes (median)`,
        micros(flow.subjectMicros),
        micros(flow.baselineMicros),
        `${flow.ratio.toFixed(2)}x`,
        `<= ${FLOW_RATIO_GOAL}x (reported)`,
      ],
      [
        'create + start + stop (median)',
        micros(creation.subjectMicros),
        micros(creation.baselineMicros),
        `${creation.ratio.toFixed(2)}x`,
        '(reported)',
      ],
      [
        `heap growth, ${MEMORY_FLOWS} flows`,
        kilobytes(memory.growthBytes),
        kilobytes(baselineMemory.growthBytes),
        '',
        `<= ${kilobytes(memory.boundBytes)} ${memory.withinBound ? 'ok' : 'OVER'}`,
      ],
    ],
  )}\nwrote bench/results.json\n`,
);
