import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `scripts/budgets`). */
export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports?: Record<string, unknown>;
}

/** One public entry point of a package: `@authcode/core` or a subpath such as `@authcode/core/testing`. */
export interface EntryPoint {
  specifier: string;
  /** The built files `import` and `require` must resolve to, relative to the package folder. */
  esm: string;
  cjs: string;
}

/** A published workspace package under `packages/*`. */
export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  manifest: PackageJson;
  /** The built ESM entry users import: `dist/index.js`. */
  esmEntry: string;
  /** The built CJS entry users require: `dist/index.cjs`. */
  cjsEntry: string;
  /** Workspace packages it depends on at runtime, such as `@authcode/core` for an adapter. */
  workspaceDependencies: string[];
  peerDependencies: string[];
  /** Every export of package.json but `./package.json`, with its built ESM and CJS file. */
  entryPoints: EntryPoint[];
}

/** Every publishable package under `packages/*`, dependencies first; private ones (the conformance suite) are skipped. */
export function publishedPackages(): WorkspacePackage[] {
  const packagesDir = join(rootDir, 'packages');
  const found: WorkspacePackage[] = [];
  for (const entry of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, entry);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson;
    if (manifest.private) continue;
    found.push({
      name: manifest.name,
      version: manifest.version,
      dir,
      manifest,
      esmEntry: join(dir, 'dist/index.js'),
      cjsEntry: join(dir, 'dist/index.cjs'),
      workspaceDependencies: Object.entries(manifest.dependencies ?? {})
        .filter(([, range]) => range.startsWith('workspace:'))
        .map(([name]) => name),
      peerDependencies: Object.keys(manifest.peerDependencies ?? {}),
      entryPoints: readEntryPoints(manifest),
    });
  }
  // Dependencies before dependents, so a build or an install never meets a missing sibling.
  return found.sort((a, b) => a.workspaceDependencies.length - b.workspaceDependencies.length);
}

interface ConditionalExport {
  import?: { default?: string };
  require?: { default?: string };
}

function readEntryPoints(manifest: PackageJson): EntryPoint[] {
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => {
      const { import: esm, require: cjs } = target as ConditionalExport;
      if (!esm?.default || !cjs?.default) {
        throw new Error(`${manifest.name}: export ${subpath} needs import and require conditions`);
      }
      return { specifier: manifest.name + subpath.slice(1), esm: esm.default, cjs: cjs.default };
    });
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/** True when `dist` is missing or older than a file in `src` or the package's build config. */
export function needsBuild(pkg: WorkspacePackage): boolean {
  if (!existsSync(pkg.esmEntry) || !existsSync(pkg.cjsEntry)) return true;
  const built = Math.min(statSync(pkg.esmEntry).mtimeMs, statSync(pkg.cjsEntry).mtimeMs);
  const configs = ['package.json', 'tsup.config.ts']
    .map((file) => join(pkg.dir, file))
    .filter((path) => existsSync(path))
    .map((path) => statSync(path).mtimeMs);
  return Math.max(newestSourceTime(join(pkg.dir, 'src')), ...configs) > built;
}

/** Runs a command, streaming its output; throws with the command line when it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: rootDir, ...options });
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed with exit code ${result.status ?? result.signal}`,
    );
  }
}

/** Builds the given packages with their own `build` script, in dependency order (pnpm sorts them). */
export function buildPackages(packages: readonly WorkspacePackage[]): void {
  if (packages.length === 0) return;
  run('pnpm', [...packages.flatMap((pkg) => ['--filter', pkg.name]), 'run', 'build']);
}

/** Builds the packages whose `dist` is missing or stale. */
export function ensureBuilt(packages: readonly WorkspacePackage[]): void {
  buildPackages(packages.filter(needsBuild));
}

/**
 * The packages named on the command line (`@authcode/core`, or its folder name `core`), else all of
 * them. Handy while some packages do not build yet.
 */
export function selectPackages(argv: readonly string[]): WorkspacePackage[] {
  const all = publishedPackages();
  const wanted = argv.filter((arg) => !arg.startsWith('--'));
  if (wanted.length === 0) return all;
  const unknown = wanted.filter(
    (name) => !all.some((pkg) => pkg.name === name || pkg.name === `@authcode/${name}`),
  );
  if (unknown.length > 0) throw new Error(`Unknown package(s): ${unknown.join(', ')}`);
  return all.filter((pkg) => wanted.some((name) => pkg.name === name || pkg.name === `@authcode/${name}`));
}
