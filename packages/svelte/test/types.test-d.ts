import type { AuthCodeActorRef, AuthCodeCommands, AuthCodeStatus, AuthCodeView, Scope } from '@authcode/core';
import type { Readable } from 'svelte/store';
import { describe, expectTypeOf, it } from 'vitest';
import { createAuthCode, getAuthCodeContext, setAuthCodeContext, type AuthCodeStore } from '../src';

interface Session {
  userId: string;
}

const exchange = async (): Promise<Session> => ({ userId: 'u-1' });

describe('createAuthCode types', () => {
  it('is a readable store of the view, with session typed from exchange', () => {
    const auth = createAuthCode({ exchange });
    expectTypeOf(auth).toEqualTypeOf<AuthCodeStore<Session>>();
    expectTypeOf(auth).toMatchTypeOf<Readable<AuthCodeView<Session>>>();
    expectTypeOf(auth.subscribe).parameter(0).parameter(0).toEqualTypeOf<AuthCodeView<Session>>();
    expectTypeOf<AuthCodeView<Session>['session']>().toEqualTypeOf<Session | undefined>();
  });

  it('types the view fields', () => {
    type View = AuthCodeView<Session>;
    expectTypeOf<View['status']>().toEqualTypeOf<AuthCodeStatus>();
    expectTypeOf<View['isLoading']>().toEqualTypeOf<boolean>();
    expectTypeOf<View['authCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<View['grantedScopes']>().toEqualTypeOf<Scope[]>();
  });

  it('resolves request() with the typed view and exposes the actor', () => {
    const auth = createAuthCode({ exchange });
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<Session>>>();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<[(readonly Scope[])?, (readonly Scope[])?]>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
    expectTypeOf(auth.destroy).toEqualTypeOf<() => void>();
  });

  it('defaults the session to unknown without exchange', () => {
    expectTypeOf(createAuthCode()).toEqualTypeOf<AuthCodeStore<unknown>>();
  });

  it('keeps the session type through context', () => {
    expectTypeOf(setAuthCodeContext({ exchange })).toEqualTypeOf<AuthCodeStore<Session>>();
    expectTypeOf(setAuthCodeContext(createAuthCode({ exchange }))).toEqualTypeOf<AuthCodeStore<Session>>();
    expectTypeOf(getAuthCodeContext<Session>()).toEqualTypeOf<AuthCodeStore<Session>>();
  });
});

describe('the command contract', () => {
  it("is core's AuthCodeCommands", () => {
    expectTypeOf<AuthCodeStore<{ id: string }>>().toExtend<AuthCodeCommands<{ id: string }>>();
  });
});
