import { describe, expect, it } from 'vitest';
import { AuthCodeError } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, KYC, LOGIN, startFlowActor } from './support/flows';
import { createExchange } from '../src/exchange';

describe('REQUEST starts a flow', () => {
  it('calls getAuthCode exactly once with de-duplicated scopes and callbacks', () => {
    const manual = createScriptedHost();
    const { actor, value, view } = startFlowActor({ host: manual });
    actor.send({ type: 'REQUEST', scopes: [LOGIN, EMAIL, LOGIN] });

    expect(value()).toBe('consenting');
    expect(manual.calls).toHaveLength(1);
    const [options] = manual.calls;
    expect(options?.scopes).toEqual([LOGIN, EMAIL]);
    expect(typeof options?.success).toBe('function');
    expect(typeof options?.fail).toBe('function');
    expect(typeof options?.complete).toBe('function');
    expect(view().scopes).toEqual([LOGIN, EMAIL]);
    expect(view().isLoading).toBe(true);
  });

  it('gives the host a copy of the scopes, so it cannot change the flow', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.calls[0]!.scopes.push('SMUGGLED');
    expect(view().scopes).toEqual([LOGIN]);
  });

  it('ignores REQUEST while the consent sheet is open: one sheet at a time', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual });
    actor.send({ type: 'REQUEST', scopes: [LOGIN] });
    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    expect(manual.calls).toHaveLength(1);
    expect(view().scopes).toEqual([LOGIN]);
  });

  it('ignores REQUEST while exchanging', async () => {
    const manual = createScriptedHost();
    const { actor, value } = startFlowActor({
      host: manual,
      exchange: createExchange(() => new Promise(() => {})),
    });
    actor.send({ type: 'REQUEST', scopes: [LOGIN] });
    manual.success({ authCode: 'code-1' });
    expect(value()).toBe('exchanging');
    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    expect(value()).toBe('exchanging');
    expect(manual.calls).toHaveLength(1);
  });

  it.each(['success', 'failed'] as const)('starts a new flow from %s', (settled) => {
    const manual = createScriptedHost();
    const { actor, value } = startFlowActor({ host: manual });
    actor.send({ type: 'REQUEST', scopes: [LOGIN] });
    if (settled === 'success') manual.success({ authCode: 'code-1' });
    else manual.fail({ error: 11 });
    expect(value()).toBe(settled);

    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    expect(value()).toBe('consenting');
    expect(manual.calls).toHaveLength(2);
    expect(manual.calls[1]?.scopes).toEqual([EMAIL]);
  });
});

describe('which scopes and required scopes a REQUEST uses', () => {
  it('a REQUEST naming its own scopes uses its own required, by default all of them', () => {
    const manual = createScriptedHost();
    const { actor, value } = startFlowActor({ host: manual, scopes: [KYC], required: [] });
    actor.send({ type: 'REQUEST', scopes: [LOGIN, EMAIL] });
    expect(manual.calls[0]?.scopes).toEqual([LOGIN, EMAIL]);
    // EMAIL is required because the event named scopes and no required: the input's [] does not apply.
    manual.success({ authCode: 'code-1', authSuccessScopes: [LOGIN], authErrorScopes: { [EMAIL]: '40006' } });
    expect(value()).toBe('failed');
  });

  it('a REQUEST naming its own scopes and required uses both', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual });
    actor.send({ type: 'REQUEST', scopes: [LOGIN, EMAIL], required: [LOGIN] });
    manual.success({ authCode: 'code-1', authSuccessScopes: [LOGIN], authErrorScopes: { [EMAIL]: '40006' } });
    expect(view().status).toBe('success');
    expect(view().deniedScopes).toEqual({ [EMAIL]: '40006' });
  });

  it("a REQUEST naming no scopes uses the input's scopes and required", () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN, EMAIL], required: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(manual.calls[0]?.scopes).toEqual([LOGIN, EMAIL]);
    manual.success({ authCode: 'code-1', authErrorScopes: { [EMAIL]: '40006' } });
    expect(view().status).toBe('success');
    expect(view().grantedScopes).toEqual([LOGIN]);
  });
});

describe('invalid requests fail with invalid-request and never call the host', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
    ['no scopes anywhere', {}, {}, /No scopes to request/],
    ['an empty list', { scopes: [] }, {}, /`scopes` is empty/],
    [
      'a non-array',
      { scopes: 'USER_LOGIN_ID' },
      {},
      /`scopes` must be an array of scope names, not "USER_LOGIN_ID"/,
    ],
    ['a non-string scope', { scopes: [LOGIN, 42] }, {}, /`scopes\[1\]` must be a scope name .*, not 42/],
    ['an empty-string scope', { scopes: [''] }, {}, /`scopes\[0\]` must be a scope name .*, not ""/],
    [
      'a scope with whitespace',
      { scopes: [' USER_LOGIN_ID'] },
      {},
      /`scopes\[0\]` must be a scope name \(a non-empty string without spaces around it\), not " USER_LOGIN_ID"/,
    ],
    [
      'a required scope not requested',
      { scopes: [LOGIN], required: [EMAIL] },
      {},
      /Required scopes must be requested too: USER_CONTACTINFO_EMAIL not in USER_LOGIN_ID/,
    ],
    [
      'several required scopes not requested',
      { scopes: [LOGIN, KYC], required: [EMAIL, 'X', LOGIN] },
      {},
      /^Required scopes must be requested too: USER_CONTACTINFO_EMAIL, X not in USER_LOGIN_ID, KYC_INFO\.$/,
    ],
    [
      'a scope given as a list',
      { scopes: [[LOGIN]] },
      {},
      /^`scopes\[0\]` must be a scope name \(a non-empty string without spaces around it\), not an array\.$/,
    ],
    [
      'a non-string required scope',
      { scopes: [LOGIN], required: [null] },
      {},
      /`required\[0\]` must be a scope name .*, not null/,
    ],
    ['input scopes that are invalid', {}, { scopes: [] }, /`scopes` is empty/],
    [
      'a negative timeout',
      { scopes: [LOGIN] },
      { timeoutMs: -1 },
      /`timeoutMs` must be 0 \(no limit\) or a number of milliseconds, not -1/,
    ],
    ['a NaN timeout', { scopes: [LOGIN] }, { timeoutMs: Number.NaN }, /not NaN/],
    [
      'an exchange that is a string',
      { scopes: [LOGIN] },
      { exchange: 'https://api' },
      /`exchange` must be made by createExchange\(\) from @authcode\/core\/exchange, not "https:\/\/api"/,
    ],
    [
      // What every flow took before @authcode/core/exchange: refused by name, its source never printed.
      'a plain exchange function',
      { scopes: [LOGIN] },
      { exchange: async () => ({ session: 'secret-source' }) },
      /`exchange` must be made by createExchange\(\) from @authcode\/core\/exchange, not a function\.$/,
    ],
    [
      'an object that only looks like an exchange',
      { scopes: [LOGIN] },
      { exchange: Object.freeze({}) },
      /`exchange` must be made by createExchange\(\) from @authcode\/core\/exchange, not an object/,
    ],
    [
      'a timeout given as a string',
      { scopes: [LOGIN] },
      { timeoutMs: '5' },
      /`timeoutMs` must be .*, not "5"/,
    ],
    [
      'a timeout given as a bigint',
      { scopes: [LOGIN] },
      { timeoutMs: 10n },
      /`timeoutMs` must be .*, not 10/,
    ],
    [
      'a timeout given as a symbol',
      { scopes: [LOGIN] },
      { timeoutMs: Symbol('t') },
      /`timeoutMs` must be .*, not a symbol/,
    ],
    [
      'a scope without a prototype',
      { scopes: [Object.create(null)] },
      {},
      /`scopes\[0\]` must be a scope name .*, not an object/,
    ],
  ];

  it.each(cases)('%s', (_name, event, input, message) => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, ...input } as never);
    actor.send({ type: 'REQUEST', ...event } as never);
    const { status, error } = view();
    expect(status).toBe('failed');
    expect(error).toBeInstanceOf(AuthCodeError);
    expect(error?.kind).toBe('invalid-request');
    expect(error?.retryable).toBe(false);
    expect(error?.message).toMatch(message);
    expect(manual.calls).toHaveLength(0);
  });

  it('a scope list that throws when read fails with a message saying so', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual });
    const request = {
      type: 'REQUEST' as const,
      get scopes(): string[] {
        throw new Error('proxy revoked');
      },
    };
    actor.send(request);
    expect(view().error).toMatchObject({
      kind: 'invalid-request',
      message: 'The request could not be read: a scope list or an option threw when read.',
    });
    expect(manual.calls).toHaveLength(0);
  });

  it('RETRY does not repeat an invalid request', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual });
    actor.send({ type: 'REQUEST', scopes: [] });
    const failure = view().error;
    actor.send({ type: 'RETRY' });
    expect(view().error).toBe(failure);
    expect(manual.calls).toHaveLength(0);
  });
});

describe('the input', () => {
  it('is read once, when the actor is created', () => {
    const manual = createScriptedHost();
    const input = { host: manual, scopes: [LOGIN] };
    const { actor } = startFlowActor(input);
    input.scopes = [EMAIL];
    actor.send({ type: 'REQUEST' });
    expect(manual.calls[0]?.scopes).toEqual([LOGIN]);
  });
});
