/**
 * Type tests under every TypeScript the packages support: each package's `*.test-d.ts` files (the
 * Vitest `expectTypeOf` tests, `@ts-expect-error` lines included) compiled by each compiler below,
 * with the package's own compiler options (scripts/types/tsconfig.<package>.json). `vitest run`
 * checks the same files with the repository's TypeScript; this also runs the lowest supported one
 * and the latest, TypeScript 7 (the native compiler: the `typescript@7` package is a launcher for a
 * binary in a package per platform). Both are dependencies of scripts/types/package.json, a
 * workspace package of their own: TypeScript 5.0 under an alias, TypeScript 7 as its platform
 * packages (see that package.json for why not `typescript@7`). Nothing is installed at run time.
 *
 * Usage: tsx scripts/types/check.ts
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rootDir = join(here, '../..');
/** The repository's TypeScript from the root; the other two from this folder's package.json. */
const fromRoot = createRequire(join(rootDir, 'package.json'));
const fromHere = createRequire(join(here, 'package.json'));

interface Compiler {
  label: string;
  /** The package that holds it, as scripts/types/package.json (or the root) names it. */
  pkg: string;
  version: string;
  /** The command and the arguments before `-p`. */
  command: string;
  args: string[];
}

function manifestOf(pkg: string): { path: string; version: string; bin?: Record<string, string> } {
  const path = (pkg === 'typescript' ? fromRoot : fromHere).resolve(`${pkg}/package.json`);
  return {
    path,
    ...(JSON.parse(readFileSync(path, 'utf8')) as { version: string; bin?: Record<string, string> }),
  };
}

/** A TypeScript 5 package's `tsc`, run with this Node. */
function javaScriptCompiler(label: string, pkg: string): Compiler {
  const manifest = manifestOf(pkg);
  const tsc = manifest.bin?.tsc;
  if (!tsc) throw new Error(`${pkg} has no tsc`);
  return {
    label,
    pkg,
    version: manifest.version,
    command: process.execPath,
    args: [join(dirname(manifest.path), tsc)],
  };
}

/**
 * TypeScript 7's native `tsc` for this platform: what the `typescript@7` package's launcher runs,
 * taken from its platform package (one per platform, installed only where it runs).
 */
function nativeCompiler(label: string): Compiler {
  const pkg = `@typescript/typescript-${process.platform}-${process.arch}`;
  let manifest: ReturnType<typeof manifestOf>;
  try {
    manifest = manifestOf(pkg);
  } catch {
    throw new Error(
      `No TypeScript 7 binary for ${process.platform}-${process.arch}: add ${pkg} to scripts/types/package.json`,
    );
  }
  const exe = join(dirname(manifest.path), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
  return { label, pkg, version: manifest.version, command: exe, args: [] };
}

/** The lowest supported TypeScript (stated in the packages' READMEs), the repository's, the latest. */
const compilers: Compiler[] = [
  javaScriptCompiler('lowest supported', 'typescript5.0'),
  javaScriptCompiler('repository', 'typescript'),
  nativeCompiler('latest, native'),
];

const packages = ['core', 'react', 'vue', 'svelte'] as const;

const rows: string[][] = [];
let failed = false;
for (const compiler of compilers) {
  const { version } = compiler;
  for (const name of packages) {
    const project = join(here, `tsconfig.${name}.json`);
    const started = performance.now();
    const result = spawnSync(compiler.command, [...compiler.args, '-p', project, '--pretty', 'false'], {
      cwd: rootDir,
      encoding: 'utf8',
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const ok = result.status === 0;
    if (!ok) {
      failed = true;
      process.stdout.write(
        `\n== TypeScript ${version} (${compiler.pkg}) on ${relative(rootDir, project)}\n${result.stdout}${result.stderr}\n`,
      );
    }
    rows.push([`${version} (${compiler.label})`, `@authcode/${name}`, ok ? 'ok' : 'FAILED', `${seconds} s`]);
  }
}

const widths = [0, 1, 2, 3].map((column) =>
  Math.max(...[['TypeScript', 'type tests of', 'result', 'time'], ...rows].map((row) => row[column]!.length)),
);
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
process.stdout.write(
  `\nType tests (*.test-d.ts) per compiler\n${line(['TypeScript', 'type tests of', 'result', 'time'])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n${rows.map(line).join('\n')}\n`,
);
if (failed) process.exit(1);
