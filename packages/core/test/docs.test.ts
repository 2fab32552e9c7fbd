import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { and, createMachine, fromPromise, not, setup } from 'xstate';
import {
  errorKindNotes,
  generatedDocs,
  generatedSection,
  readGeneratedSection,
  readMachineGraph,
  renderErrorReference,
  renderScopeReference,
  renderStateDiagram,
  replaceGeneratedSection,
  repositoryRoot,
} from '../../../scripts/docs/generate.ts';
import { AuthCodeError, authCodeMachine } from '../src/index';
import {
  describeError,
  errorCatalogue,
  knownScopes,
  messageCatalogue,
  scopeCatalogue,
} from '../src/catalogue';

const readDoc = (file: string) => readFileSync(`${repositoryRoot}${file}`, 'utf8');

/** The Mermaid source of the committed state machine page. */
function committedDiagram(): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(readDoc('docs/state-machine.md'));
  if (!match) throw new Error('docs/state-machine.md has no ```mermaid block');
  return match[1]!;
}

/** `source --> target : label` lines of a Mermaid state diagram. */
function diagramEdges(diagram: string) {
  return [...diagram.matchAll(/^\s*(\S+) --> (\S+)(?: : (.*))?$/gm)].map(([, source, target, label]) => ({
    source: source!,
    target: target!,
    label: label ?? '',
  }));
}

describe('generated docs', () => {
  for (const doc of generatedDocs) {
    it(`${doc.file} holds what the generator writes`, () => {
      expect(
        readGeneratedSection(readDoc(doc.file), doc.file),
        `${doc.file} no longer matches the code: run \`pnpm docs:generate\` and commit the result`,
      ).toBe(generatedSection(doc.render()));
    });
  }
});

describe('the committed state diagram', () => {
  const states = Object.keys(authCodeMachine.root.states);

  it('draws every state with an edge in or out, and its description as a note', () => {
    const diagram = committedDiagram();
    const drawn = new Set(diagramEdges(diagram).flatMap((edge) => [edge.source, edge.target]));
    for (const state of states) {
      expect(drawn, `state ${state}`).toContain(state);
      expect(diagram, `note of ${state}`).toContain(`note right of ${state}\n`);
    }
    expect(diagram).toContain(`[*] --> ${authCodeMachine.root.initial.target[0]!.key}`);
  });

  it('labels an edge with every event type of the machine', () => {
    const labels = diagramEdges(committedDiagram()).map((edge) => edge.label);
    const stateNodes = Object.values(authCodeMachine.root.states);
    for (const eventType of authCodeMachine.events) {
      let trigger: string = eventType;
      const delayed = /^xstate\.after\.([^.]+)\./.exec(eventType);
      const settled = /^xstate\.(done|error)\.actor\.(.+)$/.exec(eventType);
      if (delayed) trigger = `after ${delayed[1]}`;
      if (settled) {
        const invoked = stateNodes.flatMap((node) => node.invoke).find(({ id }) => id === settled[2]);
        trigger = `${settled[1] === 'done' ? 'onDone' : 'onError'} ${String(invoked?.src)}`;
      }
      expect(
        labels.some((label) => label === trigger || label.startsWith(`${trigger} `)),
        eventType,
      ).toBe(true);
    }
  });

  it('draws the transient always choices, and the root-level RESET once, from any state', () => {
    const diagram = committedDiagram();
    const edges = diagramEdges(diagram);
    const always = authCodeMachine.root.states.resolving!.always!;
    expect(
      edges.filter((edge) => edge.source === 'resolving' && edge.label.startsWith('always')),
    ).toHaveLength(always.length);
    expect(diagram).toContain('state "any state" as anyState');
    expect(edges.filter((edge) => edge.label.startsWith('RESET'))).toEqual([
      { source: 'anyState', target: 'idle', label: 'RESET / clearFlow' },
    ]);
  });

  it('names every guard and action the machine implements', () => {
    const labels = diagramEdges(committedDiagram())
      .map((edge) => edge.label)
      .join('\n');
    const diagram = committedDiagram();
    for (const guard of Object.keys(authCodeMachine.implementations.guards)) {
      expect(labels, `guard ${guard}`).toMatch(new RegExp(`\\[${guard}\\]`));
    }
    for (const action of Object.keys(authCodeMachine.implementations.actions)) {
      expect(diagram, `action ${action}`).toMatch(new RegExp(`(/ |, |entry )${action}\\b`));
    }
  });
});

describe('renderStateDiagram', () => {
  const tiny = setup({
    actors: { load: fromPromise(async () => 'loaded') },
    guards: { isReady: () => true, isBlocked: () => false },
    actions: { track: () => {} },
  }).createMachine({
    id: 'tiny',
    initial: 'waiting',
    on: { STOP: { target: '.stopped', description: 'Stops from anywhere.' } },
    states: {
      waiting: {
        description: 'Waits a moment.',
        after: { 500: { target: 'loading', guard: and(['isReady', not('isBlocked')]) } },
      },
      loading: {
        invoke: { src: 'load', onDone: 'deciding', onError: { target: 'stopped', actions: 'track' } },
      },
      deciding: { always: [{ guard: 'isBlocked', target: 'stopped' }, { target: 'waiting' }] },
      stopped: {},
    },
  });

  it('draws delays, combined guards, invoke results, always with else, and root events', () => {
    const text = renderStateDiagram(tiny);
    expect(text).toContain('  [*] --> waiting\n');
    expect(text).toContain('  waiting --> loading : after 500 ms [isReady and not isBlocked]\n');
    expect(text).toContain('  loading : invoke load\n');
    expect(text).toContain('  loading --> deciding : onDone load\n');
    expect(text).toContain('  loading --> stopped : onError load / track\n');
    expect(text).toContain('  deciding : transient, never at rest\n');
    expect(text).toContain('  deciding --> stopped : always [isBlocked]\n');
    expect(text).toContain('  deciding --> waiting : always [else]\n');
    expect(text).toContain('  note right of waiting\n    Waits a moment.\n  end note');
    expect(text).toContain('  anyState --> stopped : STOP\n');
    expect(text).toMatch(/\| any state +\| `STOP` +\|.*Stops from anywhere\./);
  });

  it('reads a root-level event as an edge from each state that can receive it, none from a transient one', () => {
    const stops = readMachineGraph(tiny).edges.filter((edge) => edge.eventType === 'STOP');
    expect(stops.map((edge) => [edge.source, edge.target, edge.fromRoot])).toEqual([
      ['waiting', 'stopped', true],
      ['loading', 'stopped', true],
      ['stopped', 'stopped', true],
    ]);
  });

  it('changes when the machine does', () => {
    const grown = createMachine({ ...tiny.config, states: { ...tiny.config.states, extra: {} } });
    expect(renderStateDiagram(grown)).not.toBe(renderStateDiagram(tiny));
    expect(renderStateDiagram(grown)).toContain('`extra`');
  });

  it('refuses nested states rather than drawing them wrong', () => {
    const nested = createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } });
    expect(() => renderStateDiagram(nested)).toThrow(/child states/);
  });
});

describe('generated references', () => {
  it('lists every scope of the catalogue with its description', () => {
    const text = renderScopeReference(scopeCatalogue);
    expect(text).toContain(`holds ${knownScopes.length} scopes`);
    for (const scope of knownScopes) {
      expect(text).toMatch(new RegExp(`\\| \`${scope}\` +\\| ${scopeCatalogue[scope]} +\\|`));
    }
  });

  it('lists every error code with its class and retryable, and every kind of AuthCodeError', () => {
    const text = renderErrorReference({
      errorCatalogue,
      describeError,
      createError: (kind) => new AuthCodeError(kind, kind),
      kindNotes: errorKindNotes,
      messageCatalogue,
    });
    for (const key of Object.keys(errorCatalogue)) {
      const { message, class: errorClass, retryable } = describeError(key);
      expect(text).toMatch(
        new RegExp(
          `\\| \`${key}\` +\\| ${message} +\\|.*\\| \`${errorClass}\` +\\| ${retryable ? 'yes' : 'no'} `,
        ),
      );
    }
    expect(text).toMatch(/\| `invalid-request` +\|.*\| no +\|/);
    expect(text).toMatch(/\| `timeout` +\|.*\| yes +\|/);
    for (const kind of Object.keys(errorKindNotes)) expect(text).toContain(`| \`${kind}\` `);
    // Every production message id, with the facts it names; placeholders outside code escaped.
    const rows = text.slice(text.indexOf('### Production messages')).split('\n');
    for (const { id, facts } of Object.values(messageCatalogue)) {
      const row = rows.find((line) => line.startsWith(`| \`${id}\` `));
      expect(row).toContain(facts.map((fact) => `\`${fact}\``).join(' '));
    }
    expect(text).toContain('not &lt;value>.');
  });
});

describe('generated sections', () => {
  const page = ['# Title', '', 'Prose before.', '', generatedSection('old'), '', 'Prose after.', ''].join(
    '\n',
  );

  it('replaces only the text between the markers', () => {
    const updated = replaceGeneratedSection(page, 'new', 'page.md');
    expect(updated).toBe(page.replace(generatedSection('old'), generatedSection('new')));
    expect(readGeneratedSection(updated, 'page.md')).toBe(generatedSection('new'));
  });

  it('says which file lacks its markers', () => {
    expect(() => readGeneratedSection('# No markers', 'docs/page.md')).toThrow(/docs\/page\.md needs one/);
  });
});

/** The names a package's `src/index.ts` exports, values and types alike. */
function exportedNames(indexFile: string): string[] {
  const source = readDoc(indexFile);
  return [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap(([, list]) =>
    list!
      .split(',')
      .map((entry) => entry.trim().replace(/^type\s+/, ''))
      .filter(Boolean)
      .map((entry) => entry.split(/\s+as\s+/).pop()!),
  );
}

describe('reference pages', () => {
  const pages = [
    ['packages/core/src/index.ts', 'docs/core.md'],
    ['packages/core/src/catalogue.ts', 'docs/core.md'],
    ['packages/core/src/testing.ts', 'docs/core.md'],
    ['packages/react/src/index.ts', 'docs/adapters/react.md'],
    ['packages/vue/src/index.ts', 'docs/adapters/vue.md'],
    ['packages/svelte/src/index.ts', 'docs/adapters/svelte.md'],
  ] as const;

  for (const [indexFile, page] of pages) {
    it(`${page} documents every export of ${indexFile}`, () => {
      const names = exportedNames(indexFile);
      expect(names.length).toBeGreaterThan(0);
      const text = readDoc(page);
      const missing = names.filter((name) => !text.includes(`\`${name}\``));
      expect(missing, `${page} does not mention these exports`).toEqual([]);
    });
  }
});
