/**
 * CI check: 10,000 sequential `requestAuthCode` flows (synchronous host, 25 scopes) must leave the
 * heap, after a forced GC, within 1 MB (1,000,000 bytes) of where it started. Exits with 1 when not.
 *
 * Usage: node --expose-gc --import tsx scripts/budgets/memory-check.ts
 */
import { loadBuiltCore } from '../../bench/loadCore.ts';
import { measureFlowMemory } from '../../bench/memory.ts';

const FLOWS = 10_000;

const core = await loadBuiltCore();
/** A placeholder, not a credential: nothing here prints what a flow returns. */
const benchCode = 'BENCH00000000000000000000';
const input = {
  host: core.createScriptedHost({ answer: 'now' }, { authCode: benchCode, record: false }),
  scopes: core.knownScopes,
};
const result = await measureFlowMemory(() => core.requestAuthCode(input), FLOWS);

const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
process.stdout.write(
  `memory: heap after ${result.flows} flows and a forced GC grew by ${kilobytes(result.growthBytes)} ` +
    `(${kilobytes(result.startHeapBytes)} -> ${kilobytes(result.endHeapBytes)}); bound ${kilobytes(result.boundBytes)}: ` +
    `${result.withinBound ? 'ok' : 'OVER'}\n`,
);
if (!result.withinBound) {
  process.stderr.write('memory: flows leave memory behind (an actor, subscription or timer is kept alive)\n');
  process.exitCode = 1;
}
