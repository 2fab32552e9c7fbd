import { build } from 'esbuild';

export interface BundleOptions {
  /** The module to bundle (a path), or its source with `resolveDir`. */
  entry: string | { contents: string; resolveDir: string };
  /** Export conditions, e.g. `['@authcode/source']` to bundle workspace packages from their sources. */
  conditions?: string[];
  /** Syntax target. Default `es2017`, the language the packages are stated to need. */
  target?: string;
  minify?: boolean;
}

/**
 * Bundles a module and everything it imports (xstate included) into one CommonJS script, the way a
 * mini program's build does, for `LogicLayer.run()`. The bundle's exports are the script's `module.exports`.
 */
export async function bundleForLogicLayer({
  entry,
  conditions = [],
  target = 'es2017',
  minify = false,
}: BundleOptions): Promise<string> {
  const result = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, loader: 'ts' } }),
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions,
    target,
    minify,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}
