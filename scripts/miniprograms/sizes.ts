/**
 * Prints each mini-program example's JS with and without the library (minified and gzipped).
 * "Without" is the same build with @authcode/* and xstate replaced by stand-ins of the same names that
 * do nothing (./baseline), so the difference is what the library adds. Reported, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
// @ts-expect-error: a plain ES module without types, shared with the example's own build.
import { buildOptions } from '../../examples/miniprogram/build.mjs';

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

function jsFiles(dir: string): { path: string; text: Uint8Array }[] {
  const found: { path: string; text: Uint8Array }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...jsFiles(path));
    else if (name.endsWith('.js')) found.push({ path: relative(dir, path), text: readFileSync(path) });
  }
  return found;
}

const stubs = (map: Record<string, string>): Plugin => ({
  name: 'baseline-stubs',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(@authcode\/core|xstate)$/ }, (args) => ({ path: map[args.path]! }));
  },
});

async function nativeSizes(): Promise<[Size, Size]> {
  const cwd = join(root, 'examples/miniprogram');
  const common = { ...buildOptions, absWorkingDir: cwd, outdir: 'out', write: false };
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

function taroSizes(): [Size, Size] {
  const cwd = join(root, 'examples/taro');
  const taro = (env: Record<string, string>) => {
    try {
      execFileSync('pnpm', ['exec', 'taro', 'build', '--type', 'alipay'], {
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
  };
  if (!existsSync(join(cwd, 'dist/app.js'))) taro({});
  rmSync(join(cwd, 'dist-baseline'), { recursive: true, force: true });
  taro({ AUTHCODE_BASELINE: '1' });
  return [measure(jsFiles(join(cwd, 'dist'))), measure(jsFiles(join(cwd, 'dist-baseline')))];
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
console.log(
  `${'all JS of the build'.padEnd(26)}${'with (min / gzip)'.padEnd(22)}${'without'.padEnd(22)}library adds`,
);
console.log(row('native (esbuild, es2017)', native));
console.log(row('Taro 4 React (alipay)', taro));
