/**
 * Prints, as a markdown table, the development and the production message of every failure the
 * core can end in, side by side (`pnpm messages`): the same failures `productionMessages.test.ts`
 * compares field by field, run against the core as an app's bundler builds it in each mode.
 */
import { coreBuilds } from '../../packages/core/test/support/coreBuilds.ts';
import { failures } from '../../packages/core/test/support/failures.ts';
import { code, renderTable } from '../docs/markdown.ts';

/** Inline code that may hold backticks itself. */
const quote = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : code(text));

const builds = coreBuilds();
try {
  const [development, production] = await Promise.all([
    builds.load('development'),
    builds.load('production'),
  ]);
  const rows: string[][] = [];
  for (const failure of failures) {
    const dev = await failure.run(development);
    const prod = await failure.run(production);
    rows.push([failure.name, code(dev.kind), quote(dev.message), quote(prod.message)]);
  }
  console.log(renderTable(['Failure', 'Kind', 'Development message', 'Production message'], rows));
} finally {
  builds.dispose();
}
