/**
 * Prints each mini-program example's JS with and without the library (minified and gzipped).
 * "Without" is the same build with @authcode/* and xstate replaced by stand-ins of the same names that
 * do nothing (./baseline), so the difference is what the library adds. Reported, not asserted.
 * Measured: the sign-in page (pages/index) with the app and the chunks it loads; the examples' other
 * pages (the web-view page) are left out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform, type Plugin } from 'esbuild';
// @ts-expect-error: a plain ES module without types, shared with the example's own build.
import { buildOptions, signInEntryPoints } from '../../examples/miniprogram/build.mjs';

const root = resolve(import.meta.dirname, '../..');
const baseline = join(root, 'scripts/miniprograms/baseline');

interface Size {
  min: number;
  gzip: number;
}

function measure(files: { path: string; text: string | Uint8Array }[]): Size {
  let min = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = typeof file.text === 'string' ? Buffer.from(file.text) : Buffer.from(file.text);
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { min, gzip };
}

/** Every .js file under `dir`, with its path from `root` (`pages/index/index.js`). */
function jsFiles(dir: string, root = dir): { path: string; text: Uint8Array }[] {
  const found: { path: string; text: Uint8Array }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...jsFiles(path, root));
    else if (name.endsWith('.js')) found.push({ path: relative(root, path), text: readFileSync(path) });
  }
  return found;
}

/** The sign-in page's JS: everything but the other pages' own files (shared chunks stay). */
const signInPageJs = (dir: string) =>
  jsFiles(dir).filter((file) => !file.path.startsWith('pages/') || file.path.startsWith('pages/index/'));

const stubs = (map: Record<string, string>): Plugin => ({
  name: 'baseline-stubs',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(@authcode\/core|xstate)$/ }, (args) => ({ path: map[args.path]! }));
  },
});

async function nativeSizes(): Promise<[Size, Size]> {
  const cwd = join(root, 'examples/miniprogram');
  const common = {
    ...buildOptions,
    entryPoints: signInEntryPoints,
    absWorkingDir: cwd,
    outdir: 'out',
    write: false,
  };
  const withLibrary = await build(common);
  const without = await build({
    ...common,
    plugins: [stubs({ '@authcode/core': join(baseline, 'core.ts'), xstate: join(baseline, 'xstate.ts') })],
  });
  return [
    measure(withLibrary.outputFiles!.map((file) => ({ path: file.path, text: file.contents }))),
    measure(without.outputFiles!.map((file) => ({ path: file.path, text: file.contents }))),
  ];
}

/** Runs a framework's CLI in an example, quietly; prints its output only when it fails. */
function runCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  try {
    execFileSync('pnpm', ['exec', ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout ?? ''}${stderr ?? ''}`);
    throw error;
  }
}

function taroSizes(): [Size, Size] {
  const cwd = join(root, 'examples/taro');
  const taro = (env: Record<string, string>) => runCli(cwd, ['taro', 'build', '--type', 'alipay'], env);
  if (!existsSync(join(cwd, 'dist/app.js'))) taro({});
  rmSync(join(cwd, 'dist-baseline'), { recursive: true, force: true });
  taro({ AUTHCODE_BASELINE: '1' });
  return [measure(signInPageJs(join(cwd, 'dist'))), measure(signInPageJs(join(cwd, 'dist-baseline')))];
}

function uniappSizes(): [Size, Size] {
  const cwd = join(root, 'examples/uniapp');
  const built = join(cwd, 'dist/build/mp-alipay');
  if (!existsSync(join(built, 'app.js'))) runCli(cwd, ['uni', 'build', '-p', 'mp-alipay']);
  rmSync(join(cwd, 'dist-baseline'), { recursive: true, force: true });
  runCli(cwd, ['uni', 'build', '-p', 'mp-alipay', '--outDir', 'dist-baseline'], { AUTHCODE_BASELINE: '1' });
  return [measure(signInPageJs(built)), measure(signInPageJs(join(cwd, 'dist-baseline')))];
}

/** uni-app's output keeps every name; minified again by esbuild (names mangled) it compares with the others. */
async function reminified(dir: string): Promise<Size> {
  const files = signInPageJs(dir);
  const minified = await Promise.all(
    files.map(async (file) => ({
      path: file.path,
      text: (await transform(Buffer.from(file.text).toString('utf8'), { minify: true })).code,
    })),
  );
  return measure(minified);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
function row(name: string, [withLibrary, without]: [Size, Size]) {
  return [
    name.padEnd(26),
    `${kB(withLibrary.min)} / ${kB(withLibrary.gzip)}`.padEnd(22),
    `${kB(without.min)} / ${kB(without.gzip)}`.padEnd(22),
    `+${kB(withLibrary.min - without.min)} / +${kB(withLibrary.gzip - without.gzip)}`,
  ].join('');
}

const native = await nativeSizes();
const taro = taroSizes();
const uniapp = uniappSizes();
const uniappReminified: [Size, Size] = [
  await reminified(join(root, 'examples/uniapp/dist/build/mp-alipay')),
  await reminified(join(root, 'examples/uniapp/dist-baseline')),
];
console.log(
  `${'sign-in page, all its JS'.padEnd(26)}${'with (min / gzip)'.padEnd(22)}${'without'.padEnd(22)}library adds`,
);
console.log(row('native (esbuild, es2017)', native));
console.log(row('Taro 4 React (alipay)', taro));
// uni-app's production output drops whitespace but keeps names, so its "min" is larger than the others'.
console.log(row('uni-app 3 Vue (mp-alipay)', uniapp));
console.log(row('  same, esbuild-minified', uniappReminified));
