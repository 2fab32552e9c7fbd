/**
 * Writes the generated sections of the docs from the machine and the catalogues themselves:
 * `pnpm docs:generate`. Text outside the `generated:start`/`generated:end` markers is kept, and
 * `packages/core/test/docs.test.ts` fails when a committed section no longer matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AuthCodeError, authCodeMachine } from '../../packages/core/src/index.ts';
import {
  describeError,
  errorCatalogue,
  messageCatalogue,
  scopeCatalogue,
} from '../../packages/core/src/catalogue.ts';
import { readGeneratedSection, replaceGeneratedSection } from './markers.ts';
import { errorKindNotes, renderErrorReference, renderScopeReference } from './reference.ts';
import { renderStateDiagram } from './stateDiagram.ts';

export { generatedSection, readGeneratedSection, replaceGeneratedSection } from './markers.ts';
export { readMachineGraph } from './machineGraph.ts';
export { errorKindNotes, renderErrorReference, renderScopeReference } from './reference.ts';
export { renderStateDiagram } from './stateDiagram.ts';

/** A docs page and how to render its generated section. */
export interface GeneratedDoc {
  /** Relative to the repository root. */
  file: string;
  render(): string;
}

export const generatedDocs: readonly GeneratedDoc[] = [
  { file: 'docs/state-machine.md', render: () => renderStateDiagram(authCodeMachine) },
  { file: 'docs/reference/scopes.md', render: () => renderScopeReference(scopeCatalogue) },
  {
    file: 'docs/reference/errors.md',
    render: () =>
      renderErrorReference({
        errorCatalogue,
        describeError,
        createError: (kind) => new AuthCodeError(kind, kind),
        kindNotes: errorKindNotes,
        messageCatalogue,
      }),
  },
];

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Rewrites every generated section; returns the files whose text changed. */
export function generateDocs(root: string = repositoryRoot): string[] {
  const changed: string[] = [];
  for (const doc of generatedDocs) {
    const path = `${root}${doc.file}`;
    const before = readFileSync(path, 'utf8');
    const after = replaceGeneratedSection(before, doc.render(), doc.file);
    if (after === before) continue;
    // Reading the section back checks the markers survived the rewrite.
    readGeneratedSection(after, doc.file);
    writeFileSync(path, after);
    changed.push(doc.file);
  }
  return changed;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  if (process.env.NODE_ENV === 'production') {
    // The machine's state and transition descriptions exist in development builds only.
    throw new Error(
      'Run the docs generator without NODE_ENV=production: the diagram needs the descriptions.',
    );
  }
  const changed = generateDocs();
  console.log(
    changed.length === 0 ? 'docs: generated sections are up to date' : `docs: wrote ${changed.join(', ')}`,
  );
}
