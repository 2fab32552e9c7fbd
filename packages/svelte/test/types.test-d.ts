import type {
  AuthCodeActorRef,
  AuthCodeCommands,
  AuthCodeError,
  AuthCodeStatus,
  AuthCodeView,
  Scope,
} from '@authcode/core';
import { get, type Readable } from 'svelte/store';
import { describe, expectTypeOf, it } from 'vitest';
import { createAuthCode, getAuthCodeContext, setAuthCodeContext, type AuthCodeStore } from '../src';
import { createExchange } from '@authcode/core/exchange';

interface Session {
  userId: string;
}

const exchange = async (): Promise<Session> => ({ userId: 'u-1' });

describe('createAuthCode types', () => {
  it('is a readable store of the view, with session typed from exchange', () => {
    const auth = createAuthCode({ exchange: createExchange(exchange) });
    expectTypeOf(auth).toEqualTypeOf<AuthCodeStore<Session>>();
    expectTypeOf(auth).toMatchTypeOf<Readable<AuthCodeView<Session>>>();
    expectTypeOf(auth.subscribe).parameter(0).parameter(0).toEqualTypeOf<AuthCodeView<Session>>();
    expectTypeOf<AuthCodeView<Session>['session']>().toEqualTypeOf<Session | undefined>();
  });

  it('types the view fields', () => {
    type View = AuthCodeView<Session>;
    expectTypeOf<View['status']>().toEqualTypeOf<AuthCodeStatus>();
    expectTypeOf<View['isLoading']>().toEqualTypeOf<boolean>();
    // With exchange the code is spent on the session: no status holds it.
    expectTypeOf<View['authCode']>().toEqualTypeOf<undefined>();
    expectTypeOf<AuthCodeView<never>['authCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<View['grantedScopes']>().toEqualTypeOf<Scope[]>();
  });

  it('resolves request() with the typed view and exposes the actor', () => {
    const auth = createAuthCode({ exchange: createExchange(exchange) });
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<Session>>>();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<[(readonly Scope[])?, (readonly Scope[])?]>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
    expectTypeOf(auth.destroy).toEqualTypeOf<() => void>();
  });

  it('has no session without exchange (TSession never)', () => {
    expectTypeOf(createAuthCode()).toEqualTypeOf<AuthCodeStore<never>>();
    expectTypeOf(createAuthCode()).toExtend<AuthCodeStore>();
    expectTypeOf(createAuthCode({ exchange: createExchange(exchange) })).toExtend<AuthCodeStore>();
  });

  it("narrows the store's value by status", () => {
    const auth = createAuthCode({ scopes: ['USER_LOGIN_ID'] });
    const $auth = get(auth);
    if ($auth.status === 'success') expectTypeOf($auth.authCode).toEqualTypeOf<string>();
    if ($auth.status === 'failed') expectTypeOf($auth.error).toEqualTypeOf<AuthCodeError>();
    if ($auth.status === 'idle') {
      // @ts-expect-error: idle holds no code
      const code: string = $auth.authCode;
      void code;
    }
    // @ts-expect-error: the error is there only in failed
    const error: AuthCodeError = $auth.error;
    void error;
    auth.subscribe((view) => {
      if (view.status === 'success') expectTypeOf(view.authCode).toEqualTypeOf<string>();
    });
    const withSession = get(createAuthCode({ exchange: createExchange(exchange) }));
    if (withSession.status === 'success') expectTypeOf(withSession.session).toEqualTypeOf<Session>();
    const shared = get(getAuthCodeContext<Session>());
    if (shared.status === 'success') expectTypeOf(shared.session).toEqualTypeOf<Session>();
  });

  it('keeps the session type through context', () => {
    expectTypeOf(setAuthCodeContext({ exchange: createExchange(exchange) })).toEqualTypeOf<
      AuthCodeStore<Session>
    >();
    expectTypeOf(setAuthCodeContext(createAuthCode({ exchange: createExchange(exchange) }))).toEqualTypeOf<
      AuthCodeStore<Session>
    >();
    expectTypeOf(getAuthCodeContext<Session>()).toEqualTypeOf<AuthCodeStore<Session>>();
  });
});

describe('the command contract', () => {
  it("is core's AuthCodeCommands", () => {
    expectTypeOf<AuthCodeStore<{ id: string }>>().toExtend<AuthCodeCommands<{ id: string }>>();
  });
});
