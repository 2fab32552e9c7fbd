import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type Core = typeof import('../src/index') &
  typeof import('../src/testing') &
  typeof import('../src/catalogue');
type Mode = 'development' | 'production';

const source = (file: string) => JSON.stringify(fileURLToPath(new URL(`../src/${file}`, import.meta.url)));
const workDir = mkdtempSync(join(tmpdir(), 'authcode-modes-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Everything core exports, from its three entry points, as one module to bundle. */
const coreEntry = {
  contents: ['index.ts', 'testing.ts', 'catalogue.ts']
    .map((file) => `export * from ${source(file)};`)
    .join('\n'),
  resolveDir: fileURLToPath(new URL('.', import.meta.url)),
  loader: 'ts' as const,
};

/** The core as an app's bundler builds it in one mode: `process.env.NODE_ENV` replaced, minified. */
async function bundleCore(mode: Mode): Promise<Core> {
  const result = await build({
    stdin: coreEntry,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    write: false,
    logLevel: 'silent',
  });
  const file = join(workDir, `core.${mode}.mjs`);
  writeFileSync(file, result.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as Core;
}

/**
 * The core as unbundled code sees it where no bundler replaced `process.env.NODE_ENV` and there is
 * no `process` (a browser's native ESM, a mini program's logic layer). It is evaluated in this realm,
 * synchronously, with the global `process` removed for that moment only.
 */
async function loadWithoutProcess(): Promise<Core> {
  const bundle = await build({
    stdin: coreEntry,
    bundle: true,
    format: 'iife',
    globalName: 'core',
    write: false,
    logLevel: 'silent',
  });
  const evaluate = new Function(`${bundle.outputFiles[0]!.text}; return core;`) as () => Core;
  const processGlobal = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
  Reflect.deleteProperty(globalThis, 'process');
  try {
    return evaluate();
  } finally {
    Object.defineProperty(globalThis, 'process', processGlobal);
  }
}

/** Every description the machine shows in the inspector: the machine's, its states' and transitions'. */
function machineDescriptions(core: Core): unknown[] {
  const root = core.authCodeMachine.root;
  const states = Object.values(root.states);
  const transitions = [root, ...states].flatMap((node) =>
    [...node.transitions.values()].flat().map((transition) => transition.description),
  );
  return [root.description, ...states.map((state) => state.description), ...transitions];
}

/** Answers that end in every kind of host-code error, with no `errorMessage` from the host. */
const failures: [name: string, payload: unknown][] = [
  ['user declined (11)', { error: 11 }],
  ['no permission (4)', { error: 4 }],
  ['empty data (10)', { error: '10' }],
  ['no eKYC (101)', { error: 101 }],
  ['a code outside the catalogue', { error: 777 }],
  ['per-scope denial', { authErrorScopes: { USER_LOGIN_ID: 40006 } }],
];

async function failWith(core: Core, payload: unknown) {
  const host = core.createScriptedHost({ answer: 'now', reply: { via: 'fail', payload } });
  const error = await core.requestAuthCode({ host, scopes: ['USER_LOGIN_ID'] }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!core.isAuthCodeError(error)) throw new Error(`expected an AuthCodeError, got ${String(error)}`);
  return error;
}

describe('error messages in development and production builds', () => {
  const builds = Promise.all([bundleCore('development'), bundleCore('production')]);

  for (const [name, payload] of failures) {
    it(`${name}: the same kind, code, scopes and retryable; a message that names the code`, async () => {
      const [development, production] = await builds;
      const [dev, prod] = await Promise.all([failWith(development, payload), failWith(production, payload)]);
      const fields = ({ kind, code, scopes, retryable }: typeof dev) => ({ kind, code, scopes, retryable });
      expect(fields(prod)).toEqual(fields(dev));
      expect(prod.message).not.toBe('');
      // What went wrong: the host's code, or the denied scope with its code.
      for (const part of prod.scopes ? ['USER_LOGIN_ID', '40006'] : [prod.code!]) {
        expect(prod.message).toContain(part);
      }
    });
  }

  it('production drops the host wording but keeps the class; development keeps the wording', async () => {
    const [development, production] = await builds;
    const [dev, prod] = await Promise.all([
      failWith(development, { error: 11 }),
      failWith(production, { error: 11 }),
    ]);
    expect(dev.message).toBe('Unauthorized to get user info');
    expect(prod.message).toBe('Host error 11: declined');
  });

  it('production drops the descriptions the inspector shows; development keeps every one', async () => {
    const [development, production] = await builds;
    const described = (core: Core) => machineDescriptions(core).filter((text) => text !== undefined);
    // The machine, its states and the transitions worth explaining (an invalid request, a cancel...).
    expect(described(development).length).toBeGreaterThanOrEqual(15);
    expect(described(development)).toContain(
      "Asks the super app's getAuthCode for a one-time authorization code and reads the per-scope answer.",
    );
    expect(described(production)).toEqual([]);
  });

  it('loads where there is no `process` at all, as production: no descriptions, no host wording', async () => {
    const core = await loadWithoutProcess();
    expect(machineDescriptions(core).every((text) => text === undefined)).toBe(true);
    expect((await failWith(core, { error: 11 })).message).toBe('Host error 11: declined');
  });

  it("the catalogue keeps the host's wording in production: an app that imports it opted in", async () => {
    const [, production] = await builds;
    expect(production.describeError('40006').message).toBe('Scope not granted');
    expect(production.errorCatalogue['11']!.message).toBe('Unauthorized to get user info');
  });
});
