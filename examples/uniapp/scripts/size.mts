/**
 * Prints the JS size of the uni-app mp-alipay build with and without the library (reported, not
 * asserted). Run after both builds: `pnpm size:uniapp` builds the baseline and then runs this file.
 * "as built" is uni-app's production output (whitespace removed, names kept); "min" is that output
 * minified again by esbuild with names mangled, as a host's upload step may do; gzip is level 9.
 */
import { transform } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const builds = {
  'with @authcode/vue': join(dist, 'build/mp-alipay'),
  'without (stand-in)': join(dist, 'size-baseline/mp-alipay'),
};

interface Size {
  asBuilt: number;
  asBuiltGzip: number;
  min: number;
  minGzip: number;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

async function measure(dir: string): Promise<Size> {
  const files = jsFiles(dir);
  if (files.length === 0) throw new Error(`No JS in ${relative(process.cwd(), dir)}: build it first.`);
  const size: Size = { asBuilt: 0, asBuiltGzip: 0, min: 0, minGzip: 0 };
  for (const file of files) {
    const code = readFileSync(file);
    const minified = Buffer.from((await transform(code.toString('utf8'), { minify: true })).code);
    size.asBuilt += code.byteLength;
    size.asBuiltGzip += gzipSync(code, { level: 9 }).byteLength;
    size.min += minified.byteLength;
    size.minGzip += gzipSync(minified, { level: 9 }).byteLength;
  }
  return size;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, size: Size) =>
  [
    label.padEnd(20),
    ...[size.asBuilt, size.asBuiltGzip, size.min, size.minGzip].map((n) => kB(n).padStart(10)),
  ].join(' ');

const withLibrary = await measure(builds['with @authcode/vue']);
const withoutLibrary = await measure(builds['without (stand-in)']);
const difference: Size = {
  asBuilt: withLibrary.asBuilt - withoutLibrary.asBuilt,
  asBuiltGzip: withLibrary.asBuiltGzip - withoutLibrary.asBuiltGzip,
  min: withLibrary.min - withoutLibrary.min,
  minGzip: withLibrary.minGzip - withoutLibrary.minGzip,
};

console.log('uni-app mp-alipay build, all JS files (kB = 1000 B; gzip -9 per file, summed)');
console.log(
  ['build'.padEnd(20), ...['as built', 'gzip', 'min', 'min+gzip'].map((h) => h.padStart(10))].join(' '),
);
console.log(row('with @authcode/vue', withLibrary));
console.log(row('without (stand-in)', withoutLibrary));
console.log(row('library adds', difference));
