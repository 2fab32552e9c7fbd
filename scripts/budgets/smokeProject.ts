import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type WorkspacePackage } from './workspace.ts';

/** What one module system saw of one installed package. */
export interface LoadedEntry {
  /** Where the package name resolved to, for checking it is the installed copy and the right build. */
  resolved: string;
  exports: string[];
  /** Scopes granted by one simulated flow, when the entry point has the simulated host (core's testing). */
  simulatedFlow?: string[];
}

export type LoadReport = Record<string, LoadedEntry>;

/** The scopes of the simulated flow the smoke test runs through the installed core; all are granted. */
export const smokeScopes = ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'];

/** Frameworks an app installs beside a peer, though no package here peers on them. */
const companions: Record<string, string> = { react: 'react-dom' };

/**
 * `name@version` for every peer (and companion) of the packages, pinned to the version the
 * workspace develops against, so the smoke test installs what the tests ran with.
 */
export function peerSpecs(packages: readonly WorkspacePackage[]): string[] {
  const versions = new Map<string, string>();
  for (const pkg of packages) {
    for (const peer of pkg.peerDependencies) {
      for (const name of [peer, companions[peer]]) {
        if (!name || versions.has(name)) continue;
        const version =
          pkg.manifest.devDependencies?.[name] ?? pkg.manifest.peerDependencies?.[name] ?? 'latest';
        versions.set(name, version);
      }
    }
  }
  return [...versions].map(([name, version]) => `${name}@${version}`);
}

// The loaders below run inside the temporary project. They print export names, resolved paths and
// granted scopes only: never a flow's auth code.
const loaderBody = (load: string, resolveName: string) => `
const SMOKE_SCOPES = ${JSON.stringify(smokeScopes)};
const names = JSON.parse(process.argv[2]);
const report = {};
const loadModule = async (name) => ${load};
for (const name of names) {
  const mod = await loadModule(name);
  const entry = { resolved: ${resolveName}, exports: Object.keys(mod).filter((key) => key !== '__esModule' && key !== 'default').sort() };
  if (typeof mod.createSimulatedHost === 'function') {
    // A test-host entry point runs one flow through its package's root entry, as an app's test would.
    const root = await loadModule(name.split('/').slice(0, 2).join('/'));
    const result = await root.requestAuthCode({ host: mod.createSimulatedHost(), scopes: SMOKE_SCOPES });
    entry.simulatedFlow = result.grantedScopes;
  }
  report[name] = entry;
}
process.stdout.write(JSON.stringify(report));
`;

const esmLoader = loaderBody('import(name)', 'new URL(import.meta.resolve(name)).pathname');
const cjsLoader = `(async () => {${loaderBody('require(name)', 'require.resolve(name)')}})().catch((error) => { console.error(error); process.exit(1); });`;

/**
 * Creates a plain npm project in `dir` (outside the workspace: no links, no pnpm), installs the
 * tarballs and the peers from the registry, and writes one ESM and one CJS loader.
 */
export function createSmokeProject(dir: string, tarballs: readonly string[], peers: readonly string[]): void {
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'authcode-smoke', version: '0.0.0', private: true }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'load.mjs'), esmLoader);
  writeFileSync(join(dir, 'load.cjs'), cjsLoader);
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs, ...peers],
    {
      cwd: dir,
    },
  );
}

/** Loads the packages with `import` (load.mjs) or `require` (load.cjs) in a fresh node process. */
export function loadInProject(
  dir: string,
  loader: 'load.mjs' | 'load.cjs',
  names: readonly string[],
): LoadReport {
  const result = spawnSync(process.execPath, [loader, JSON.stringify(names)], {
    cwd: dir,
    encoding: 'utf8',
    // require(esm) of an ESM-only peer (svelte 5) warns once on Node 20; the warning is not a failure.
    env: { ...process.env, NODE_OPTIONS: '', NODE_NO_WARNINGS: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`node ${loader} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
  return JSON.parse(result.stdout) as LoadReport;
}
