import fc from 'fast-check';
import type { AuthCodeEvent, AuthCodeInput } from '../../src/index';
import type { CallbackName } from './controllable';

/**
 * Stands for "the auth code of this answer" in generated payloads. The run swaps it for a code
 * unique to the call and the answer, so a test can tell which answer a visible code came from.
 */
export const CODE_SLOT = '<code of this answer>';

const scopeName = fc.constantFrom('USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL', 'auth_base', 'KYC_INFO');

// Hosts send per-scope codes as strings; garbage ones must not break anything either.
const scopeCode = fc.oneof(
  fc.constantFrom('40006', '10001'),
  fc.integer(),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(null, Number.NaN, true),
);

const errorScopes = fc.dictionary(scopeName, scopeCode, { maxKeys: 3 });

/** A success payload: a code, with a full or partial grant (`authErrorScopes` in a success too). */
const grantPayload = fc.oneof(
  fc.constantFrom({ authCode: CODE_SLOT }, { authCode: CODE_SLOT, authErrorScopes: {} }),
  fc.record(
    {
      authCode: fc.constant(CODE_SLOT),
      authSuccessScopes: fc.array(scopeName, { maxLength: 4 }),
      authErrorScopes: errorScopes,
    },
    { requiredKeys: ['authCode'] },
  ),
);

/** A failure payload: an error code (number or string), a message, per-scope errors, any of them. */
const failPayload = fc.record(
  {
    error: fc.oneof(fc.constantFrom(3, 4, 10, 11, 12, 1001, 1005), fc.constantFrom('11', '3'), fc.integer()),
    errorMessage: fc.string({ maxLength: 12 }),
    authErrorScopes: errorScopes,
  },
  { requiredKeys: [] },
);

/** The right field names with the wrong types, including a code hidden where no code belongs. */
const wrongTypesPayload = fc.record(
  {
    authCode: fc.constantFrom('', '   ', 42, null, [CODE_SLOT], { value: CODE_SLOT }),
    authSuccessScopes: fc.oneof(
      fc.constant('USER_LOGIN_ID'),
      fc.constant(null),
      fc.array(fc.anything(), { maxLength: 3 }),
    ),
    authErrorScopes: fc.oneof(
      fc.array(scopeName, { maxLength: 2 }),
      fc.string({ maxLength: 4 }),
      fc.constant(null),
    ),
    error: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '', {}, true),
    errorMessage: fc.oneof(fc.integer(), fc.constant('   ')),
  },
  { requiredKeys: [] },
);

const garbagePayload = fc.oneof(
  fc.constantFrom(null, undefined, '', 'ok', 0, true),
  fc.string({ maxLength: 8 }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);

const fail = () => {
  throw new Error('the native bridge threw');
};
const throwingTraps: ProxyHandler<object> = { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail };

/**
 * A payload no plain data can express, built around the answer's code when the answer is given
 * (see `withCode` in the property test): a generated value cannot be a cycle or a proxy itself,
 * because generators copy and print their values.
 */
export class HostilePayload {
  constructor(
    readonly name: string,
    readonly build: (code: string) => unknown,
  ) {}
  toString() {
    return `hostile payload: ${this.name}`;
  }
}

export const hostilePayloads: readonly HostilePayload[] = [
  new HostilePayload('a throwing authCode getter', () =>
    Object.defineProperty({ authSuccessScopes: ['USER_LOGIN_ID'] }, 'authCode', {
      get: fail,
      enumerable: true,
    }),
  ),
  new HostilePayload('a proxy whose every trap throws', () => new Proxy({}, throwingTraps)),
  new HostilePayload('a code next to a throwing authErrorScopes proxy', (code) => ({
    authCode: code,
    authErrorScopes: new Proxy({}, throwingTraps),
  })),
  new HostilePayload('a code next to an authSuccessScopes proxy whose length throws', (code) => ({
    authCode: code,
    authSuccessScopes: new Proxy([], { get: fail }),
  })),
  new HostilePayload('a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }),
  new HostilePayload('a cyclic payload', (code) => {
    const payload: Record<string, unknown> = { authCode: code };
    payload.self = payload;
    payload.authSuccessScopes = ['USER_LOGIN_ID', payload, 'auth_base'];
    return payload;
  }),
  new HostilePayload('__proto__ and constructor keys', (code) =>
    JSON.parse(
      `{"authCode":${JSON.stringify(code)},"authSuccessScopes":["__proto__","constructor","USER_LOGIN_ID","auth_base"],` +
        `"authErrorScopes":{"__proto__":"40006","constructor":"10001","toString":"40006"},"__proto__":{"error":11}}`,
    ),
  ),
  new HostilePayload('a failure with __proto__ keys only', () =>
    JSON.parse('{"__proto__":{"authCode":"FROM_THE_PROTOTYPE"},"authErrorScopes":{"__proto__":"40006"}}'),
  ),
  new HostilePayload('a boxed string code', (code) => ({ authCode: Object(code) as unknown })),
  new HostilePayload('a code object with toString', (code) => ({ authCode: { toString: () => code } })),
  new HostilePayload('huge scope lists', (code) => ({
    authCode: code,
    authSuccessScopes: [...Array.from({ length: 3_000 }, (_, index) => `SCOPE_${index}`), 'USER_LOGIN_ID'],
    authErrorScopes: Object.fromEntries(
      Array.from({ length: 3_000 }, (_, index) => [`DENIED_${index}`, 40006]),
    ),
  })),
];

export const payload = fc.oneof(
  { weight: 6, arbitrary: grantPayload },
  { weight: 3, arbitrary: failPayload },
  { weight: 2, arbitrary: wrongTypesPayload },
  { weight: 2, arbitrary: garbagePayload },
  { weight: 1, arbitrary: fc.constantFrom(...hostilePayloads) },
);

export interface CallbackSpec {
  via: CallbackName;
  payload: unknown;
}

export const callback: fc.Arbitrary<CallbackSpec> = fc.record({
  via: fc.constantFrom<CallbackName>('success', 'fail', 'complete'),
  payload,
});

/** What a host does inside one `getAuthCode` call, before it returns. */
export type CallBehaviour =
  /** Returns and answers later, when a command says so (or never: silence). */
  | { kind: 'later' }
  /** Answers (once or more) before returning, as some hosts and the IDE do. */
  | { kind: 'sync'; callbacks: CallbackSpec[] }
  /** Throws, optionally after answering. */
  | { kind: 'throw'; callbacks: CallbackSpec[]; error: unknown };

export const callBehaviour: fc.Arbitrary<CallBehaviour> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'later' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      callbacks: fc.array(callback, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('throw' as const),
      callbacks: fc.array(callback, { maxLength: 2 }),
      error: fc.oneof(
        fc.constant(new Error('bridge gone')),
        fc.string({ maxLength: 6 }),
        fc.constant(undefined),
      ),
    }),
  },
);

const scopeList = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(scopeName, { minLength: 1, maxLength: 3 }) },
  // Invalid lists: empty, an empty name, padded, a non-string, duplicates.
  { weight: 1, arbitrary: fc.constantFrom([], [''], [' auth_base'], [42], ['auth_base', 'auth_base']) },
);

const request: fc.Arbitrary<AuthCodeEvent> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ type: 'REQUEST' as const }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('REQUEST' as const), scopes: scopeList }) },
  {
    weight: 3,
    arbitrary: scopeList.chain((scopes) =>
      fc.record({
        type: fc.constant('REQUEST' as const),
        scopes: fc.constant(scopes),
        // Mostly some of the requested scopes; sometimes one that was not requested (invalid).
        required: fc.oneof(
          { weight: 4, arbitrary: fc.subarray(scopes as string[]) },
          { weight: 1, arbitrary: fc.array(scopeName, { minLength: 1, maxLength: 2 }) },
        ),
      }),
    ),
  },
) as fc.Arbitrary<AuthCodeEvent>;

/** One thing that happens to a running actor. */
export type Command =
  | { kind: 'send'; event: AuthCodeEvent }
  /** A host callback of the call `callsBack` calls before the latest (0: the latest). */
  | { kind: 'answer'; callsBack: number; callback: CallbackSpec }
  | { kind: 'advance'; ms: number }
  /** Settles the exchange `exchangesBack` exchanges before the latest. */
  | { kind: 'settle-exchange'; exchangesBack: number; outcome: 'resolve' | 'reject' };

export const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), event: request }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      event: fc.constantFrom<AuthCodeEvent>({ type: 'CANCEL' }, { type: 'RETRY' }, { type: 'RESET' }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      callsBack: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
      ),
      callback,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.integer({ min: 0, max: 2_000 }),
        fc.constantFrom(1_000, 60_000),
        fc.integer({ min: 0, max: 70_000 }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('settle-exchange' as const),
      exchangesBack: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constant(1) },
      ),
      outcome: fc.constantFrom<'resolve' | 'reject'>('resolve', 'reject'),
    }),
  },
);

export interface InputSpec {
  withHost: boolean;
  exchange: 'none' | 'deferred' | 'throws';
  scopes: readonly string[] | undefined;
  timeoutMs: AuthCodeInput['timeoutMs'];
}

export const inputSpec: fc.Arbitrary<InputSpec> = fc.record({
  withHost: fc.oneof(
    { weight: 9, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  exchange: fc.constantFrom<InputSpec['exchange']>('none', 'none', 'deferred', 'deferred', 'throws'),
  scopes: fc.constantFrom(undefined, ['USER_LOGIN_ID'], ['USER_LOGIN_ID', 'auth_base']),
  timeoutMs: fc.constantFrom(undefined, 0, 1_000, 60_000),
});

export interface Scenario {
  input: InputSpec;
  /** Call n of the host behaves like `calls[n % calls.length]`. */
  calls: CallBehaviour[];
  commands: Command[];
}

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  input: inputSpec,
  calls: fc.array(callBehaviour, { minLength: 1, maxLength: 4 }),
  commands: fc.array(command, { minLength: 1, maxLength: 40, size: 'medium' }),
});
