import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthCodeError } from '../src/index';
import { bundleSource, coreBuilds, coreEntry, type Core } from './support/coreBuilds';
import { failures } from './support/failures';

const builds = coreBuilds();
afterAll(builds.dispose);

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
  return withoutProcess(new Function(`${bundle.outputFiles[0]!.text}; return core;`) as () => Core);
}

/** Runs `run` synchronously with the global `process` removed for that moment only. */
function withoutProcess<T>(run: () => T): T {
  const processGlobal = Object.getOwnPropertyDescriptor(globalThis, 'process')!;
  Reflect.deleteProperty(globalThis, 'process');
  try {
    return run();
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
const hostCodeFailures: [name: string, payload: unknown][] = [
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
  const loaded = Promise.all([builds.load('development'), builds.load('production')]);

  for (const [name, payload] of hostCodeFailures) {
    it(`${name}: the same kind, code, scopes and retryable; a message that names the code`, async () => {
      const [development, production] = await loaded;
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
    const [development, production] = await loaded;
    const [dev, prod] = await Promise.all([
      failWith(development, { error: 11 }),
      failWith(production, { error: 11 }),
    ]);
    expect(dev.message).toBe('Unauthorized to get user info');
    expect(prod.message).toBe('Host error 11: declined');
  });

  it('production drops the descriptions the inspector shows; development keeps every one', async () => {
    const [development, production] = await loaded;
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
    // The core's own messages too: a bad request fails synchronously, inside the REQUEST.
    const badScope = failures.find(({ name }) => name === 'a bad scope entry')!;
    expect((await withoutProcess(() => badScope.run(core))).message).toBe('bad-scope: scopes[2] ""');
  });

  it("the catalogue keeps the host's wording in production: an app that imports it opted in", async () => {
    const [, production] = await loaded;
    expect(production.describeError('40006').message).toBe('Scope not granted');
    expect(production.errorCatalogue['11']!.message).toBe('Unauthorized to get user info');
  });
});

/** Today's development messages, word for word: production builds must not change them. */
const developmentMessages: Readonly<Record<string, string>> = {
  'no scopes to request': 'No scopes to request: pass `scopes` in the REQUEST event or in the machine input.',
  'scopes not an array': '`scopes` must be an array of scope names, not "USER_LOGIN_ID".',
  'a bad scope entry':
    '`scopes[2]` must be a scope name (a non-empty string without spaces around it), not "".',
  'a scope with spaces around it':
    '`scopes[0]` must be a scope name (a non-empty string without spaces around it), not " USER_ID".',
  'a bad required entry':
    '`required[1]` must be a scope name (a non-empty string without spaces around it), not an object.',
  'empty scopes': '`scopes` is empty: ask for at least one scope.',
  'required scopes not requested':
    'Required scopes must be requested too: USER_NAME, USER_AVATAR not in USER_ID.',
  'a bad timeout': '`timeoutMs` must be 0 (no limit) or a number of milliseconds, not -1.',
  'a code lifetime past the timer limit':
    '`codeLifetimeMs` must be 0 (no limit) or a number of milliseconds, not 2147483648.',
  'an exchange not made by createExchange':
    '`exchange` must be made by createExchange() from @authcode/core/exchange, not a function.',
  'a scope list that throws when read':
    'The request could not be read: a scope list or an option threw when read.',
  'an input that throws when read': 'The input could not be read: trap',
  'no host':
    'No super-app host: there is no global `my` with a getAuthCode function. Outside a super app, pass `host` in the input (for example createSimulatedHost()).',
  'a host without getAuthCode': 'The `host` given in the input has no getAuthCode function.',
  'a host source that finds no host':
    'The host threw when asked for an auth code: The `host` given in the input has no getAuthCode function.',
  'the host threw': 'The host threw when asked for an auth code: bridge gone',
  'the host threw what cannot be read':
    'The host threw when asked for an auth code: a reason that could not be read',
  'the user declined (11)': 'Unauthorized to get user info',
  'the user cancelled (1001)': 'User cancelled the operation',
  'no permission (4)': 'No permission to call getAuthCode',
  'no eKYC (101)': 'User has no eKYC',
  'a code outside the catalogue': 'Host error 777',
  "a host code with the host's own errorMessage": 'Unauthorized to Get User Info',
  'scopes denied, no code': 'The host denied USER_LOGIN_ID (40006) and issued no auth code.',
  'a required scope denied': 'The host did not grant required scopes: USER_CONTACTINFO_EMAIL (40006).',
  'a required scope not reported': 'The host did not grant required scopes: USER_NAME (unreported).',
  'an answer without code or error':
    "The host's success answer had no auth code and no error (got an object with keys [authSuccessScopes]).",
  'the host timed out': 'The host did not answer within 1 ms.',
  'the exchange failed': 'Exchanging the auth code failed: server said no',
  'the exchange timed out': 'The exchange did not settle within 1 ms.',
  'the code expired': 'The auth code is no longer held: ask the host again.',
};

/** Every field of an error but its message; a cause by its name or type (each run makes its own, some worded by the core). */
const fields = ({ name, kind, code, scopes, retryable, cause }: AuthCodeError) => ({
  name,
  kind,
  code,
  scopes,
  retryable,
  cause: cause instanceof Error ? cause.name : typeof cause,
});

describe('every failure in development and production builds, field by field', () => {
  const loaded = Promise.all([builds.load('development'), builds.load('production')]);

  it('covers every failure the test lists, once', () => {
    expect(Object.keys(developmentMessages).sort()).toEqual(failures.map(({ name }) => name).sort());
  });

  for (const failure of failures) {
    it(`${failure.name}: the same fields; development words it as today, production names its facts`, async () => {
      const [development, production] = await loaded;
      const dev = await failure.run(development);
      const prod = await failure.run(production);
      expect(fields(prod)).toEqual(fields(dev));
      expect(dev.message).toBe(developmentMessages[failure.name]);
      for (const fact of failure.facts) expect(prod.message).toContain(fact);
      if (failure.wording === 'host') return;
      // A message of the core: `<id>: <facts>`, shorter than the prose, and explained by the catalogue.
      expect(prod.message.length).toBeLessThan(dev.message.length);
      expect(prod.message).toMatch(failure.facts.length ? /^[a-z-]+: \S/ : /^[a-z-]+(: \S.*)?$/);
      expect(production.describeMessage(prod.message)?.id).toBe(prod.message.split(':')[0]);
    });
  }

  it('production bundles of the root entry carry none of the prose; development bundles carry it', async () => {
    const root = `export * from ${JSON.stringify(new URL('../src/index.ts', import.meta.url).pathname)};`;
    const [dev, prod] = await Promise.all([
      bundleSource('development', root),
      bundleSource('production', root),
    ]);
    const prose = [
      'must be a scope name',
      'No super-app host',
      'must be requested too',
      'did not grant required scopes',
      'did not answer within',
      'could not be read',
    ];
    for (const phrase of prose) {
      expect(dev).toContain(phrase);
      expect(prod).not.toContain(phrase);
    }
  });

  it('the catalogue explains every message id in production, with the prose development builds show', async () => {
    const [, production] = await loaded;
    const entry = production.messageCatalogue['bad-scope'];
    expect(entry.facts).toEqual(['<option>[<index>]', '<value>']);
    expect(entry.explanation).toBe(
      '`<option>[<index>]` must be a scope name (a non-empty string without spaces around it), not <value>.',
    );
    expect(production.describeMessage('host-timeout: 60000 ms')?.explanation).toBe(
      'The host did not answer within <timeoutMs> ms.',
    );
    expect(production.describeMessage('Host error 11: declined')).toBeUndefined();
  });
});
