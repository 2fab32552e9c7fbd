/**
 * Packaging checks for every published package: build, `pnpm pack`, `publint --strict` and
 * `attw` (profile `strict`: node10, node16 from CJS and ESM, bundler) on the tarball, then a smoke
 * test that installs the tarballs into a plain npm project in the OS temp folder and loads each
 * entry point (every export of package.json: `@authcode/core`, `@authcode/core/testing`, ...) with
 * `import` and with `require`. Exits with 1 on any problem.
 *
 * Usage: tsx scripts/budgets/packaging.ts [--keep] [package ...]   (--keep leaves the temp folder)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { build } from 'esbuild';
import {
  createSmokeProject,
  loadInProject,
  peerSpecs,
  smokeScopes,
  type LoadReport,
} from './smokeProject.ts';
import { formatTable } from './table.ts';
import {
  buildPackages,
  publishedPackages,
  rootDir,
  selectPackages,
  type EntryPoint,
  type WorkspacePackage,
} from './workspace.ts';

/** The public API each entry point must expose at runtime: the fixed names of each. */
const requiredExports: Record<string, readonly string[]> = {
  '@authcode/core': [
    'authCodeMachine',
    'toView',
    'viewEquals',
    'requestAuthCode',
    'createCommands',
    'requestFlow',
    'waitForSettled',
    'AuthCodeError',
    'isAuthCodeError',
    'maskAuthCode',
    'maskAuthCodes',
    'DEFAULT_TIMEOUT_MS',
  ],
  '@authcode/core/catalogue': [
    'describeError',
    'errorCatalogue',
    'classifyError',
    'scopeCatalogue',
    'describeScope',
    'knownScopes',
  ],
  '@authcode/core/testing': ['createSimulatedHost', 'simulatedAnswers', 'createScriptedHost'],
  '@authcode/core/hosts': [
    'createWebViewHost',
    'createWebViewResponder',
    'takeWebViewSecret',
    'webViewRefusals',
    'SECRET_PARAM',
    'createJSBridgeHost',
  ],
  '@authcode/core/inspect': ['createInspectorAdapter'],
  '@authcode/react': ['useAuthCode'],
  '@authcode/vue': ['useAuthCode'],
  '@authcode/svelte': ['createAuthCode'],
  '@authcode/svelte/runes': ['useAuthCode'],
};

/** Entry points that must run a simulated flow once installed. */
const flowEntryPoints = ['@authcode/core/testing'];

const bin = (name: string) => join(rootDir, 'node_modules/.bin', name);

/** The selected packages plus the workspace packages they depend on (an adapter needs the core's tarball). */
function withDependencies(selected: readonly WorkspacePackage[]): WorkspacePackage[] {
  const all = publishedPackages();
  const names = new Set(selected.map((pkg) => pkg.name));
  for (const pkg of selected) for (const dependency of pkg.workspaceDependencies) names.add(dependency);
  return all.filter((pkg) => names.has(pkg.name));
}

/** The names a built ESM entry exports: what both module systems must expose after install. */
async function builtExports(pkg: WorkspacePackage, entry: EntryPoint): Promise<string[]> {
  const result = await build({
    entryPoints: [join(pkg.dir, entry.esm)],
    bundle: true,
    packages: 'external',
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'exports.js',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

/** Runs a checker; its output goes to the console, its exit code decides. */
function passes(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit', cwd: rootDir }).status === 0;
}

function pack(pkg: WorkspacePackage, destination: string): string {
  const result = spawnSync('pnpm', ['pack', '--pack-destination', destination], {
    cwd: pkg.dir,
    encoding: 'utf8',
  });
  const tarball = join(destination, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (result.status !== 0 || !existsSync(tarball)) {
    throw new Error(`pnpm pack failed for ${pkg.name}:\n${result.stderr}`);
  }
  return tarball;
}

/** `workspace:` ranges must become real versions in the tarball, or installs outside the workspace fail. */
function workspaceRangesIn(tarball: string): string[] {
  const manifest = spawnSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout;
  return [...manifest.matchAll(/"([^"]+)":\s*"workspace:[^"]*"/g)].map((match) => match[1] ?? '');
}

function checkLoaded(
  pkg: WorkspacePackage,
  entryPoint: EntryPoint,
  system: 'import' | 'require',
  report: LoadReport,
  expected: readonly string[],
  projectDir: string,
): string[] {
  const name = entryPoint.specifier;
  const entry = report[name];
  if (!entry) return [`${name}: ${system} loaded nothing`];
  const problems: string[] = [];
  const installed = join(realpathSync(projectDir), 'node_modules', ...pkg.name.split('/')) + sep;
  const build = normalize(system === 'import' ? entryPoint.esm : entryPoint.cjs);
  if (!entry.resolved.startsWith(installed) || !entry.resolved.endsWith(build)) {
    problems.push(`${name}: ${system} resolved to ${entry.resolved}, expected ${installed}${build}`);
  }
  const missing = expected.filter((exported) => !entry.exports.includes(exported));
  if (missing.length > 0) problems.push(`${name}: ${system} lacks ${missing.join(', ')}`);
  if (flowEntryPoints.includes(name) && entry.simulatedFlow?.join() !== smokeScopes.join()) {
    problems.push(
      `${name}: a simulated flow through ${system} granted ${JSON.stringify(entry.simulatedFlow)}`,
    );
  }
  return problems;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const packages = withDependencies(selectPackages(args));
  buildPackages(packages);

  const workDir = mkdtempSync(join(tmpdir(), 'authcode-packaging-'));
  const tarballDir = join(workDir, 'tarballs');
  const projectDir = join(workDir, 'project');
  mkdirSync(tarballDir);
  mkdirSync(projectDir);
  const problems: string[] = [];
  const rows: string[][] = [];
  try {
    const tarballs: string[] = [];
    const lint = new Map<string, [boolean, boolean]>();
    for (const pkg of packages) {
      const tarball = pack(pkg, tarballDir);
      tarballs.push(tarball);
      for (const name of workspaceRangesIn(tarball))
        problems.push(`${pkg.name}: packed with a workspace: range for ${name}`);
      process.stdout.write(`\n== ${pkg.name}: publint --strict, attw --profile strict\n`);
      const publintOk = passes(bin('publint'), ['run', '--strict', tarball]);
      const attwOk = passes(bin('attw'), [tarball, '--profile', 'strict', '--format', 'ascii']);
      if (!publintOk) problems.push(`${pkg.name}: publint --strict reported problems`);
      if (!attwOk) problems.push(`${pkg.name}: attw reported problems`);
      lint.set(pkg.name, [publintOk, attwOk]);
    }

    process.stdout.write(`\n== smoke test: npm install of the tarballs in ${projectDir}\n`);
    createSmokeProject(projectDir, tarballs, peerSpecs(packages));
    const names = packages.flatMap((pkg) => pkg.entryPoints.map((entry) => entry.specifier));
    const imported = loadInProject(projectDir, 'load.mjs', names);
    const required = loadInProject(projectDir, 'load.cjs', names);
    for (const pkg of packages) {
      const [publintOk, attwOk] = lint.get(pkg.name) ?? [false, false];
      const verdict = (ok: boolean) => (ok ? 'ok' : 'FAIL');
      for (const entryPoint of pkg.entryPoints) {
        const name = entryPoint.specifier;
        const expected = [
          ...new Set([...(await builtExports(pkg, entryPoint)), ...(requiredExports[name] ?? [])]),
        ];
        const importProblems = checkLoaded(pkg, entryPoint, 'import', imported, expected, projectDir);
        const requireProblems = checkLoaded(pkg, entryPoint, 'require', required, expected, projectDir);
        problems.push(...importProblems, ...requireProblems);
        rows.push([
          name,
          verdict(publintOk),
          verdict(attwOk),
          `${verdict(importProblems.length === 0)} (${imported[name]?.exports.length ?? 0} exports)`,
          `${verdict(requireProblems.length === 0)} (${required[name]?.exports.length ?? 0} exports)`,
        ]);
      }
    }
    const unlisted = Object.keys(requiredExports).filter((name) => !names.includes(name));
    if (args.filter((arg) => !arg.startsWith('--')).length === 0 && unlisted.length > 0) {
      problems.push(`required entry points that no package exports: ${unlisted.join(', ')}`);
    }
  } finally {
    if (args.includes('--keep')) process.stdout.write(`kept ${workDir}\n`);
    else rmSync(workDir, { recursive: true, force: true });
  }

  process.stdout.write(
    `\nPackaging\n${formatTable(['entry point', 'publint --strict', 'attw (strict)', 'import (ESM)', 'require (CJS)'], rows)}\n`,
  );
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`packaging: ${problem}\n`);
    process.exitCode = 1;
  }
}

await main();
