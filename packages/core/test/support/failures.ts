/**
 * One failure of every kind the core can end in, each run the same way against any build of the
 * core: what `productionMessages.test.ts` compares field by field and `scripts/budgets/messages.ts`
 * prints side by side.
 */
import type { AuthCodeError, AuthCodeInput, Scope } from '../../src/index';
import type { HostScript } from '../../src/testing';
import type { Core } from './coreBuilds';

export interface Failure {
  name: string;
  /** What a production message must still name: scopes, codes, the index and value, the limit. */
  facts: readonly string[];
  /**
   * Who words the message: the core (`<id>: <facts>` in production), or the host's code (its
   * wording in development, `Host error <code>: <class>` in production, or the host's own errorMessage).
   */
  wording?: 'host';
  run(core: Core): Promise<AuthCodeError>;
}

async function rejection(core: Core, outcome: Promise<unknown>): Promise<AuthCodeError> {
  const error = await outcome.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!core.isAuthCodeError(error)) throw new Error(`expected an AuthCodeError, got ${String(error)}`);
  return error;
}

/** `requestAuthCode` with an input that may be malformed on purpose (hence the cast). */
const request = (core: Core, input: Record<string, unknown>) =>
  rejection(core, core.requestAuthCode(input as unknown as AuthCodeInput<never> & { scopes: Scope[] }));

/** A request of `scopes` to a scripted host. */
const ask = (core: Core, script: HostScript, scopes: Scope[] = ['USER_LOGIN_ID'], input = {}) =>
  request(core, { host: core.createScriptedHost(script), scopes, ...input });

const answer = (via: 'success' | 'fail', payload: unknown): HostScript => ({
  answer: 'now',
  reply: { via, payload },
});

/** A flow whose code is granted and then outlives `codeLifetimeMs`: it ends in `failed`, not in a rejection. */
function expire(core: Core): Promise<AuthCodeError> {
  const actor = core
    .createActor(core.authCodeMachine, {
      input: {
        host: core.createScriptedHost({ answer: 'now' }),
        scopes: ['USER_LOGIN_ID'],
        codeLifetimeMs: 1,
      },
    })
    .start();
  return new Promise((resolve) => {
    const settle = () => {
      const { error } = actor.getSnapshot().context;
      if (!error) return;
      actor.stop();
      resolve(error);
    };
    actor.subscribe(settle);
    actor.send({ type: 'REQUEST' });
  });
}

const throwing = (message: string) =>
  new Proxy([], {
    get() {
      throw new Error(message);
    },
  });

export const failures: readonly Failure[] = [
  {
    name: 'no scopes to request',
    facts: [],
    run: (core) => request(core, { host: core.createScriptedHost() }),
  },
  {
    name: 'scopes not an array',
    facts: ['scopes', '"USER_LOGIN_ID"'],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: 'USER_LOGIN_ID' }),
  },
  {
    name: 'a bad scope entry',
    facts: ['scopes[2]', '""'],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: ['USER_ID', 'USER_NAME', ''] }),
  },
  {
    name: 'a scope with spaces around it',
    facts: ['scopes[0]', '" USER_ID"'],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: [' USER_ID'] }),
  },
  {
    name: 'a bad required entry',
    facts: ['required[1]', 'an object'],
    run: (core) =>
      request(core, { host: core.createScriptedHost(), scopes: ['USER_ID'], required: ['USER_ID', {}] }),
  },
  {
    name: 'empty scopes',
    facts: [],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: [] }),
  },
  {
    name: 'required scopes not requested',
    facts: ['USER_NAME,USER_AVATAR', 'USER_ID'],
    run: (core) =>
      request(core, {
        host: core.createScriptedHost(),
        scopes: ['USER_ID'],
        required: ['USER_ID', 'USER_NAME', 'USER_AVATAR'],
      }),
  },
  {
    name: 'a bad timeout',
    facts: ['timeoutMs', '-1'],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: ['USER_ID'], timeoutMs: -1 }),
  },
  {
    name: 'a code lifetime past the timer limit',
    facts: ['codeLifetimeMs', String(2 ** 31)],
    run: (core) =>
      request(core, { host: core.createScriptedHost(), scopes: ['USER_ID'], codeLifetimeMs: 2 ** 31 }),
  },
  {
    name: 'an exchange not made by createExchange',
    facts: ['a function'],
    run: (core) =>
      request(core, { host: core.createScriptedHost(), scopes: ['USER_ID'], exchange: () => 'session' }),
  },
  {
    name: 'a scope list that throws when read',
    facts: [],
    run: (core) => request(core, { host: core.createScriptedHost(), scopes: throwing('trap') }),
  },
  {
    name: 'an input that throws when read',
    facts: ['trap'],
    run: (core) => {
      // XState reports the error of the actor's start on a timer, which would end a test run:
      // held back here, while the flow starts (synchronously, inside the call).
      const { setTimeout } = globalThis;
      globalThis.setTimeout = (() => 0) as unknown as typeof setTimeout;
      try {
        return request(core, {
          scopes: ['USER_ID'],
          get host() {
            throw new Error('trap');
          },
        });
      } finally {
        globalThis.setTimeout = setTimeout;
      }
    },
  },
  {
    name: 'no host',
    facts: [],
    run: (core) => request(core, { scopes: ['USER_ID'] }),
  },
  {
    name: 'a host without getAuthCode',
    facts: [],
    run: (core) => request(core, { host: {}, scopes: ['USER_ID'] }),
  },
  {
    name: 'a host source that finds no host',
    facts: [],
    run: (core) => request(core, { host: () => undefined, scopes: ['USER_ID'] }),
  },
  {
    name: 'the host threw',
    facts: ['bridge gone'],
    run: (core) => ask(core, { answer: 'throw', error: new Error('bridge gone') }),
  },
  {
    name: 'the host threw what cannot be read',
    facts: ['unreadable-reason'],
    run: (core) =>
      ask(core, {
        answer: 'throw',
        error: {
          toString() {
            throw new Error('trap');
          },
        },
      }),
  },
  {
    name: 'the user declined (11)',
    wording: 'host',
    facts: ['11'],
    run: (core) => ask(core, answer('fail', { error: 11 })),
  },
  {
    name: 'the user cancelled (1001)',
    wording: 'host',
    facts: ['1001'],
    run: (core) => ask(core, answer('fail', { error: '1001' })),
  },
  {
    name: 'no permission (4)',
    wording: 'host',
    facts: ['4'],
    run: (core) => ask(core, answer('fail', { error: 4 })),
  },
  {
    name: 'no eKYC (101)',
    wording: 'host',
    facts: ['101'],
    run: (core) => ask(core, answer('fail', { error: 101 })),
  },
  {
    name: 'a code outside the catalogue',
    wording: 'host',
    facts: ['777'],
    run: (core) => ask(core, answer('fail', { error: 777 })),
  },
  {
    name: "a host code with the host's own errorMessage",
    wording: 'host',
    facts: ['Unauthorized to Get User Info'],
    run: (core) => ask(core, answer('fail', { error: 11, errorMessage: 'Unauthorized to Get User Info' })),
  },
  {
    name: 'scopes denied, no code',
    facts: ['USER_LOGIN_ID', '40006'],
    run: (core) => ask(core, answer('fail', { authErrorScopes: { USER_LOGIN_ID: 40006 } })),
  },
  {
    name: 'a required scope denied',
    facts: ['USER_CONTACTINFO_EMAIL', '40006'],
    run: (core) =>
      ask(
        core,
        answer('success', {
          authCode: 'SCRIPTED-CODE-0001',
          authSuccessScopes: ['USER_ID'],
          authErrorScopes: { USER_CONTACTINFO_EMAIL: '40006' },
        }),
        ['USER_ID', 'USER_CONTACTINFO_EMAIL'],
      ),
  },
  {
    name: 'a required scope not reported',
    facts: ['USER_NAME', 'unreported'],
    run: (core) =>
      ask(core, answer('success', { authCode: 'SCRIPTED-CODE-0001', authSuccessScopes: ['USER_ID'] }), [
        'USER_ID',
        'USER_NAME',
      ]),
  },
  {
    name: 'an answer without code or error',
    facts: ['success', 'an object with keys [authSuccessScopes]'],
    run: (core) => ask(core, answer('success', { authSuccessScopes: [] })),
  },
  {
    name: 'the host timed out',
    facts: ['1 ms'],
    run: (core) => ask(core, { answer: 'never' }, ['USER_ID'], { timeoutMs: 1 }),
  },
  {
    name: 'the exchange failed',
    facts: ['server said no'],
    run: (core) =>
      ask(core, { answer: 'now' }, ['USER_ID'], {
        exchange: core.createExchange(() => Promise.reject(new Error('server said no'))),
      }),
  },
  {
    name: 'the exchange timed out',
    facts: ['1 ms'],
    run: (core) =>
      ask(core, { answer: 'now' }, ['USER_ID'], {
        exchange: core.createExchange(() => new Promise(() => {})),
        exchangeTimeoutMs: 1,
      }),
  },
  {
    name: 'the code expired',
    facts: [],
    run: expire,
  },
];
