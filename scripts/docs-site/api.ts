/**
 * The API reference at /api/: TypeDoc reads the TSDoc comments of every published entry
 * (apiEntries.ts) and writes markdown pages and their sidebar (typedoc-sidebar.json) into docs/api.
 *
 *   tsx scripts/docs-site/api.ts          generate docs/api (docs:build runs this)
 *   tsx scripts/docs-site/api.ts --check  only convert and validate: fails when a public export has
 *                                         no doc comment or a {@link} is broken (check:api, in pnpm test)
 */
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Application, ReflectionKind, type ProjectReflection, type TypeDocOptions } from 'typedoc';
import type { PluginOptions } from 'typedoc-plugin-markdown';
import { rootDir } from '../budgets/workspace.ts';
import { apiEntries, type ApiEntry } from './apiEntries.ts';
import { repository } from './repository.ts';

export const apiDir = join(rootDir, 'docs/api');

const checkOnly = process.argv.includes('--check');
const entries = apiEntries();

const options: Partial<TypeDocOptions & PluginOptions> & { docsRoot: string } = {
  name: 'API reference',
  entryPoints: entries.map((entry) => entry.source),
  tsconfig: join(rootDir, 'scripts/docs-site/tsconfig.api.json'),
  plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
  out: apiDir,
  docsRoot: join(rootDir, 'docs'),
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  // Members inherited from the platform (Error's `stack`, Svelte's `subscribe`) are not ours to document.
  excludeExternals: true,
  // No git remote to read: the source links go to the repository named in package.json.
  disableGit: true,
  displayBasePath: rootDir,
  sourceLinkTemplate: `${repository.url}/blob/${repository.branch}/{path}#L{line}`,
  validation: { notExported: true, notDocumented: true, invalidLink: true },
  requiredToBeDocumented: [
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Property',
    'Method',
    'Accessor',
    'TypeAlias',
  ],
  treatValidationWarningsAsErrors: true,
};

const app = await Application.bootstrapWithPlugins(options);
const project = await app.convert();
if (!project) fail('TypeDoc could not convert the entries (see the errors above)');
nameModulesBySpecifier(project, entries);

const warningsBefore = app.logger.warningCount;
app.validate(project);
if (app.logger.hasErrors() || app.logger.warningCount !== warningsBefore) {
  fail('every public export needs a doc comment, and every {@link} a target (see the warnings above)');
}

if (!checkOnly) {
  rmSync(apiDir, { recursive: true, force: true });
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) fail('TypeDoc could not write the API reference');
  console.log(`API reference: ${entries.length} entries written to ${relative(rootDir, apiDir)}/`);
} else {
  const documented = project.getReflectionsByKind(ReflectionKind.Module).reduce((sum, module) => {
    return sum + ((module as { children?: unknown[] }).children?.length ?? 0);
  }, 0);
  console.log(`API check: ${entries.length} entries, ${documented} public exports, all documented`);
}

/** A module is named by what an app imports (`@authcode/core/testing`), not by its file path. */
function nameModulesBySpecifier(project: ProjectReflection, entries: ApiEntry[]) {
  const specifiers = new Map(entries.map((entry) => [entry.source, entry.specifier]));
  for (const module of project.children ?? []) {
    const specifier = specifiers.get(module.sources?.[0]?.fullFileName ?? '');
    if (!specifier) fail(`no published entry for the module ${module.name}`);
    module.name = specifier;
  }
  project.children?.sort((a, b) => a.name.localeCompare(b.name));
}

function fail(message: string): never {
  console.error(`API reference: ${message}`);
  process.exit(1);
}
