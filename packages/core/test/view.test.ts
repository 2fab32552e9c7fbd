import { describe, expect, it } from 'vitest';
import { AuthCodeError, authCodeMachine, toView, viewEquals, type AuthCodeView } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, LOGIN, startFlowActor } from './support/flows';

describe('toView', () => {
  it('shows an idle flow with empty, shared values', () => {
    const first = startFlowActor({});
    const second = startFlowActor({});
    expect(first.view()).toEqual({
      status: 'idle',
      isLoading: false,
      scopes: [],
      requiredScopes: [],
      authCode: undefined,
      grantedScopes: [],
      deniedScopes: {},
      session: undefined,
      error: undefined,
    });
    expect(first.view().scopes).toBe(second.view().scopes);
  });

  it('shows, while idle, what request() will ask for: the input scopes de-duplicated, and the required ones', () => {
    const { actor, view } = startFlowActor({
      host: createScriptedHost(),
      scopes: [LOGIN, EMAIL, LOGIN],
      required: [LOGIN],
    });
    expect([view().scopes, view().requiredScopes]).toEqual([[LOGIN, EMAIL], [LOGIN]]);
    // The same arrays every time, so selectors comparing by reference do not re-render an idle flow.
    expect(view().scopes).toBe(view().scopes);
    actor.send({ type: 'REQUEST', scopes: [EMAIL] });
    expect([view().scopes, view().requiredScopes]).toEqual([[EMAIL], [EMAIL]]);
  });

  it('shows no scopes while idle when the input would not make a valid request', () => {
    const { view } = startFlowActor({ host: createScriptedHost(), scopes: [LOGIN], required: [EMAIL] });
    expect([view().scopes, view().requiredScopes]).toEqual([[], []]);
  });

  it('hands out frozen empties, so one consumer cannot change every idle flow', () => {
    const { view } = startFlowActor({});
    expect(() => view().grantedScopes.push('X')).toThrow(TypeError);
    expect(() => view().scopes.push('X')).toThrow(TypeError);
    expect(startFlowActor({}).view().grantedScopes).toEqual([]);
  });

  it('is loading only while consenting or exchanging', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    expect(view().isLoading).toBe(true);
    manual.success({ authCode: 'code-1' });
    expect(view().isLoading).toBe(false);
  });

  it('returns the same references for an unchanged snapshot, so views compare equal', () => {
    const manual = createScriptedHost();
    const { actor } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.success({ authCode: 'code-1' });
    const snapshot = actor.getSnapshot();
    expect(viewEquals(toView(snapshot), toView(snapshot))).toBe(true);
  });

  it('shows the error only in failed and the code only in success', () => {
    const manual = createScriptedHost();
    const { actor, view } = startFlowActor({ host: manual, scopes: [LOGIN] });
    actor.send({ type: 'REQUEST' });
    manual.fail({ error: 11 });
    expect(view().error?.kind).toBe('declined');
    expect(view().authCode).toBeUndefined();
  });
});

describe('toView of a restored snapshot', () => {
  it('shows no error outside failed, even when the stored context holds one', () => {
    const stored = authCodeMachine.resolveState({
      value: 'idle',
      context: {
        input: {},
        request: undefined,
        resolution: undefined,
        authCode: undefined,
        grantedScopes: [],
        deniedScopes: {},
        session: undefined,
        error: new AuthCodeError('timeout', 'The host did not answer within 5 ms.'),
      },
    });
    expect(toView(stored).error).toBeUndefined();
  });
});

describe('viewEquals', () => {
  const base = startFlowActor({}).view();

  it('compares field by field, by reference', () => {
    expect(viewEquals(base, base)).toBe(true);
    expect(viewEquals(base, { ...base })).toBe(true);
    // A view no flow shows (idle's fields with another status): only the comparison matters here.
    expect(viewEquals(base, { ...base, status: 'consenting' } as AuthCodeView)).toBe(false);
    expect(viewEquals(base, { ...base, scopes: [] })).toBe(false);
  });
});
