import { describe, expect, it } from 'vitest';
import { AuthCodeError } from '../src/index';
import { UNREPORTED_SCOPE_CODE } from '../src/errors/errorCodes';
import { readPayload } from '../src/machine/hostAnswer';
import { resolveAnswer } from '../src/machine/resolve';
import { createScriptedHost } from '../src/testing';
import { EMAIL, KYC, LOGIN, startFlowActor } from './support/flows';

const request = { scopes: [LOGIN, EMAIL, KYC], required: [LOGIN] };

describe('per-scope resolution', () => {
  it('grants the scopes listed in authSuccessScopes and denies those in authErrorScopes with their codes', () => {
    const { grant } = resolveAnswer(
      {
        via: 'success',
        payload: {
          authCode: 'code-1',
          authSuccessScopes: [LOGIN, KYC],
          authErrorScopes: { [EMAIL]: '40006' },
        },
      },
      request,
    );
    expect(grant?.grantedScopes).toEqual([LOGIN, KYC]);
    expect(grant?.deniedScopes).toEqual({ [EMAIL]: '40006' });
    expect(grant?.scopes).toEqual([LOGIN, EMAIL, KYC]);
  });

  it('with an auth code and no authSuccessScopes, grants every requested scope not in authErrorScopes', () => {
    const { grant } = resolveAnswer(
      { via: 'success', payload: { authCode: 'code-1', authErrorScopes: { [KYC]: 10001 } } },
      request,
    );
    expect(grant?.grantedScopes).toEqual([LOGIN, EMAIL]);
    // Hosts send per-scope codes as strings or numbers; the view always has strings.
    expect(grant?.deniedScopes).toEqual({ [KYC]: '10001' });
  });

  it('reads an empty authSuccessScopes list like a missing one', () => {
    const { grant } = resolveAnswer(
      { via: 'success', payload: { authCode: 'c', authSuccessScopes: [] } },
      request,
    );
    expect(grant?.grantedScopes).toEqual([LOGIN, EMAIL, KYC]);
  });

  it('marks a requested scope the host neither granted nor denied as unreported', () => {
    const { grant } = resolveAnswer(
      { via: 'success', payload: { authCode: 'c', authSuccessScopes: [LOGIN] } },
      request,
    );
    expect(grant?.grantedScopes).toEqual([LOGIN]);
    expect(grant?.deniedScopes).toEqual({ [EMAIL]: UNREPORTED_SCOPE_CODE, [KYC]: UNREPORTED_SCOPE_CODE });
  });

  it('does not count a scope the host lists both as granted and as denied', () => {
    const { grant } = resolveAnswer(
      {
        via: 'success',
        payload: { authCode: 'c', authSuccessScopes: [LOGIN, EMAIL], authErrorScopes: { [EMAIL]: '40006' } },
      },
      request,
    );
    expect(grant?.grantedScopes).toEqual([LOGIN]);
  });

  it('keeps scopes the host granted beyond the request, after the requested ones', () => {
    const { grant } = resolveAnswer(
      { via: 'success', payload: { authCode: 'c', authSuccessScopes: ['auth_base', LOGIN] } },
      { scopes: [LOGIN], required: [LOGIN] },
    );
    expect(grant?.grantedScopes).toEqual([LOGIN, 'auth_base']);
  });

  it('skips malformed entries instead of failing on them', () => {
    const { grant } = resolveAnswer(
      {
        via: 'success',
        payload: {
          authCode: 'c',
          authSuccessScopes: [LOGIN, 7, null],
          authErrorScopes: { [EMAIL]: { nested: 1 } },
        },
      },
      { scopes: [LOGIN, EMAIL], required: [LOGIN] },
    );
    expect(grant?.grantedScopes).toEqual([LOGIN]);
    expect(grant?.deniedScopes).toEqual({ [EMAIL]: UNREPORTED_SCOPE_CODE });
  });
});

describe('success and its conditions in the machine', () => {
  it('a partial grant with optional scopes denied is a success that reports the denials', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN, EMAIL], required: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1', authSuccessScopes: [LOGIN], authErrorScopes: { [EMAIL]: '40006' } });
    expect(view()).toMatchObject({
      status: 'success',
      authCode: 'code-1',
      grantedScopes: [LOGIN],
      deniedScopes: { [EMAIL]: '40006' },
      error: undefined,
    });
  });

  it('a required scope missing from a success payload fails with kind scope and leaves no code anywhere', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN, EMAIL], required: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success({
      authCode: 'secret-code',
      authSuccessScopes: [EMAIL],
      authErrorScopes: { [LOGIN]: '40006' },
    });
    const { status, error, authCode } = view();
    expect(status).toBe('failed');
    expect(error?.kind).toBe('scope');
    expect(error?.scopes).toEqual({ [LOGIN]: '40006' });
    expect(error?.message).toBe('The host did not grant required scopes: USER_LOGIN_ID (40006).');
    expect(authCode).toBeUndefined();
    expect(JSON.stringify(actor.getSnapshot())).not.toContain('secret-code');
  });

  it('with an empty required list, any non-empty auth code is a success', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN], required: [] });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1', authErrorScopes: { [LOGIN]: '40006' } });
    expect(view().status).toBe('success');
    expect(view().grantedScopes).toEqual([]);
  });

  it.each([
    ['an empty auth code', { authCode: '' }],
    ['a blank auth code', { authCode: '   ' }],
    ['a numeric auth code', { authCode: 1591797390204 }],
  ])('%s is not a code: invalid-response', (_name, payload) => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success(payload);
    expect(view().error?.kind).toBe('invalid-response');
  });
});

describe('failures', () => {
  const failWith = (payload: unknown, via: 'success' | 'fail' = 'fail') => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual[via](payload);
    const { error } = view();
    expect(view().status).toBe('failed');
    expect(error).toBeInstanceOf(AuthCodeError);
    return error!;
  };

  it.each([11, 1001])('user-cancel code %i is kind declined, with the code as a string', (code) => {
    const error = failWith({ error: code });
    expect(error.kind).toBe('declined');
    expect(error.code).toBe(String(code));
    expect(error.retryable).toBe(true);
  });

  it("uses the catalogue's message where the host gave none", () => {
    expect(failWith({ error: 11 }).message).toBe('Unauthorized to get user info');
    expect(failWith({ error: 12, errorMessage: '' }).message).toBe('Network error');
  });

  it("keeps the host's own message", () => {
    expect(failWith({ error: 11, errorMessage: 'User canceled' }).message).toBe('User canceled');
  });

  it.each([
    [3, true],
    [10, true],
    [4, false],
    [101, false],
    [99999, true],
  ])('other codes (%i) are kind host, retryable %s', (code, retryable) => {
    const error = failWith({ error: code });
    expect(error.kind).toBe('host');
    expect(error.code).toBe(String(code));
    expect(error.retryable).toBe(retryable);
  });

  it('accepts a code sent as a string', () => {
    expect(failWith({ error: '11' }).kind).toBe('declined');
  });

  it('a non-empty authErrorScopes is kind scope with the per-scope codes', () => {
    const error = failWith({ authErrorScopes: { [LOGIN]: '40006' } });
    expect(error.kind).toBe('scope');
    expect(error.scopes).toEqual({ [LOGIN]: '40006' });
    expect(error.message).toBe('The host denied USER_LOGIN_ID (40006) and issued no auth code.');
  });

  it('per-scope errors win over a top-level code, which is kept', () => {
    const error = failWith({ error: 3, authErrorScopes: { [LOGIN]: '40006' } });
    expect(error.kind).toBe('scope');
    expect(error.code).toBe('3');
  });

  it('a fail callback never yields a grant, even with an auth code in it', () => {
    const error = failWith({ authCode: 'odd-code', error: 10 });
    expect(error.kind).toBe('host');
  });

  it('a success without an auth code and without errors is kind invalid-response', () => {
    const error = failWith({ authSuccessScopes: [LOGIN] }, 'success');
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe(
      "The host's success answer had no auth code and no error (got an object with keys [authSuccessScopes]).",
    );
  });

  it('a success carrying an error code is read as that error', () => {
    expect(failWith({ error: 11 }, 'success').kind).toBe('declined');
  });

  it.each([null, 'oops', 42, [1, 2], {}])(
    'garbage (%j) from the host is kind invalid-response',
    (payload) => {
      expect(failWith(payload).kind).toBe('invalid-response');
      expect(failWith(payload, 'success').kind).toBe('invalid-response');
    },
  );

  it.each([
    [null, 'null'],
    ['oops', 'string'],
    [42, 'number'],
    [[1, 2], 'an array'],
    [{}, 'an object with keys []'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }, 'an object with keys [a, b, c, d, e, f, g, h]'],
    [
      { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 },
      'an object with keys [a, b, c, d, e, f, g, h, …]',
    ],
  ])('describes the shape of garbage (%j), never its values: %s', (payload, shape) => {
    expect(failWith(payload, 'success').message).toBe(
      `The host's success answer had no auth code and no error (got ${shape}).`,
    );
  });

  it('reads a payload that throws when read as empty, and says so', () => {
    const throwing = Object.defineProperty({}, 'authCode', {
      get() {
        throw new Error('bridge gone');
      },
      enumerable: true,
    });
    expect(readPayload(throwing)).toEqual({
      successScopes: [],
      deniedScopes: {},
      shape: 'a payload that threw when read',
    });
    expect(failWith(throwing, 'success').message).toBe(
      "The host's success answer had no auth code and no error (got a payload that threw when read).",
    );
  });

  it('lists every denied scope with its code', () => {
    expect(failWith({ authErrorScopes: { [EMAIL]: '40006', [KYC]: 10001 } }).message).toBe(
      'The host denied USER_CONTACTINFO_EMAIL (40006), KYC_INFO (10001) and issued no auth code.',
    );
  });

  it('names a required scope without a code when the request did not ask for it (a restored request)', () => {
    const { error } = resolveAnswer(
      { via: 'success', payload: { authCode: 'code-1' } },
      { scopes: [LOGIN], required: [EMAIL] },
    );
    expect(error?.message).toBe('The host did not grant required scopes: USER_CONTACTINFO_EMAIL (no code).');
  });
});
