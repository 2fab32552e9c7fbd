/**
 * Type-checks every ```ts and ```tsx block of docs/ and the READMEs against the BUILT packages, and
 * runs the testing recipe's tests as written. The blocks are written to scripts/doc-blocks/node_modules/.blocks,
 * where imports resolve through this folder's package.json like an app's (no source condition).
 * Markers are described in extract.ts and docs/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ensureBuilt, publishedPackages, rootDir, run } from '../budgets/workspace.ts';
import { extractBlocks, type DocFile } from './extract.ts';

const outDir = join(rootDir, 'scripts/doc-blocks/node_modules/.blocks');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Not the docs site's build or the API reference it generates (docs/api): no page of ours.
    const skipped = ['node_modules', '.vitepress'].includes(entry.name) || path === join(rootDir, 'docs/api');
    if (entry.isDirectory()) return skipped ? [] : markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const pages = [
  join(rootDir, 'README.md'),
  // The published packages' READMEs: the private ones (test harnesses) are not for apps.
  ...publishedPackages()
    .map((pkg) => join(pkg.dir, 'README.md'))
    .filter((path) => existsSync(path)),
  ...markdownUnder(join(rootDir, 'docs')),
];

ensureBuilt(publishedPackages());

/** Where an API summary's names come from: the packages' own exports, then the frameworks' types. */
const exporters = new Map<string, string>([
  ['ReactNode', 'react'],
  ['Ref', 'vue'],
  ['InjectionKey', 'vue'],
  ['Readable', 'svelte/store'],
]);
type ExportMap = Record<string, { import?: { types?: string } } | string>;
for (const pkg of publishedPackages()) {
  for (const [subpath, target] of Object.entries((pkg.manifest as { exports?: ExportMap }).exports ?? {})) {
    const typesPath = typeof target === 'object' ? target.import?.types : undefined;
    if (!typesPath) continue;
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    const types = readFileSync(join(pkg.dir, typesPath), 'utf8');
    for (const list of types.matchAll(/^export \{([^}]*)\}(?: from '[^']*')?;?$/gm)) {
      for (const item of list[1]!.split(',')) {
        const exported = item
          .trim()
          .replace(/^type /, '')
          .split(' as ')
          .pop()!
          .trim();
        if (exported && !exporters.has(exported)) exporters.set(exported, specifier);
      }
    }
  }
}

/**
 * An API summary as a module: every exported name it mentions and does not declare itself is
 * imported (so a renamed or removed export fails), and its functions and constants are `declare`d.
 */
function declarationsModule(file: DocFile): string {
  const declared = new Set(
    [...file.text.matchAll(/\b(?:type|interface|function|const|class)\s+(\w+)/g)].map((m) => m[1]),
  );
  const used = new Set(file.text.match(/\b[A-Za-z_]\w*\b/g));
  const imports = new Map<string, string[]>();
  for (const name of used) {
    const from = exporters.get(name);
    if (!from || declared.has(name)) continue;
    imports.set(from, [...(imports.get(from) ?? []), name]);
  }
  const importLines = [...imports].map(
    ([from, names]) => `import type { ${names.join(', ')} } from '${from}';`,
  );
  const body = file.text.replace(/^(function|const|let|class) /gm, 'declare $1 ');
  return `${importLines.join('\n')}\n${body}`;
}

// A package README is read on the registry too, where relative links lead nowhere.
const relativeLinks = pages
  .filter((page) => /packages\/[^/]+\/README\.md$/.test(page))
  .flatMap((page) =>
    [...readFileSync(page, 'utf8').matchAll(/\]\((?!https?:\/\/|#)([^)]+)\)/g)].map(
      (link) => `${relative(rootDir, page)}: ${link[1]}`,
    ),
  );
if (relativeLinks.length > 0) {
  throw new Error(`Package READMEs need absolute links, found: ${relativeLinks.join('; ')}`);
}

rmSync(outDir, { recursive: true, force: true });
let blockCount = 0;
const skipped: string[] = [];
for (const page of pages) {
  const pagePath = relative(rootDir, page);
  const { files, skipped: pageSkipped } = extractBlocks(readFileSync(page, 'utf8'));
  for (const { line, reason } of pageSkipped) skipped.push(`${pagePath}:${line} (${reason})`);
  for (const file of files) {
    const path = join(outDir, pagePath.replace(/\.md$/, ''), file.name);
    mkdirSync(dirname(path), { recursive: true });
    const isTypeScript = /\.tsx?$/.test(file.name);
    if (isTypeScript) blockCount += file.lines.length;
    // Each file is a module, so that blocks of one page never share top-level names.
    const header = `// ${pagePath}, blocks at line ${file.lines.join(', ')}\n`;
    const text = file.declarations ? declarationsModule(file) : file.text;
    writeFileSync(path, isTypeScript ? `${header}${text}\nexport {};\n` : `${text}\n`);
  }
}

writeFileSync(
  join(outDir, 'tsconfig.json'),
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        jsx: 'react-jsx',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['**/*.ts', '**/*.tsx'],
    },
    null,
    2,
  ),
);
// tsc reads no .vue or .svelte file; the recipe's test run compiles them.
writeFileSync(
  join(outDir, 'components.d.ts'),
  `declare module '*.vue' {\n  const component: import('vue').Component;\n  export default component;\n}\n` +
    `declare module '*.svelte' {\n  const component: import('svelte').Component<any>;\n  export default component;\n}\n`,
);

console.log(`Type-checking ${blockCount} code blocks from ${pages.length} pages against the built packages`);
if (skipped.length > 0) console.log(`Not checked (marked partial): ${skipped.join('; ')}`);
run('pnpm', ['exec', 'tsc', '-p', join(outDir, 'tsconfig.json')]);
run('pnpm', ['exec', 'vitest', 'run', '--config', 'scripts/doc-blocks/vitest.config.ts']);
