import { build, type Metafile } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** What to bundle: an entry file, or inline module text resolved from a directory. */
export type BundleEntry = { file: string } | { contents: string; resolveDir: string };

export interface BundleSize {
  minifiedBytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/**
 * Bundles an entry the way an app's production build would (minified ESM for browsers,
 * `process.env.NODE_ENV` set to production so development checks drop out) and gzips it at level 9.
 * Export conditions are esbuild's defaults, never `@authcode/source`: this measures the built `dist`.
 */
export async function measureBundle(entry: BundleEntry, external: readonly string[]): Promise<BundleSize> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'js' as const } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    external: [...external],
    metafile: true,
    write: false,
    outfile: 'bundle.js',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    metafile: result.metafile,
  };
}

/** The names a bundle's entry exports, as esbuild saw them. */
export function exportedNames(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((output) => output.exports);
}
