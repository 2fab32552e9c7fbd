import type {
  AuthCodeActorRef,
  AuthCodeCommands,
  AuthCodeError,
  AuthCodeStatus,
  AuthCodeView,
  Scope,
} from '@authcode/core';
import { createElement } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import {
  AuthCodeProvider,
  useAuthCode,
  useAuthCodeContext,
  useAuthCodeSelector,
  type UseAuthCodeResult,
} from '../src';

interface Session {
  userId: string;
  expiresAt: number;
}
declare const actorRef: AuthCodeActorRef;

describe('useAuthCode', () => {
  it('returns every view field with its type', () => {
    const auth = useAuthCode();
    expectTypeOf(auth.status).toEqualTypeOf<AuthCodeStatus>();
    expectTypeOf(auth.isLoading).toEqualTypeOf<boolean>();
    expectTypeOf(auth.scopes).toEqualTypeOf<Scope[]>();
    expectTypeOf(auth.authCode).toEqualTypeOf<string | undefined>();
    expectTypeOf(auth.grantedScopes).toEqualTypeOf<Scope[]>();
    expectTypeOf(auth.deniedScopes).toEqualTypeOf<Record<string, string>>();
    expectTypeOf(auth.session).toEqualTypeOf<unknown>();
    expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError | undefined>();
    expectTypeOf(auth).toExtend<AuthCodeView>();
  });

  it('returns the actions and the actorRef', () => {
    const auth = useAuthCode();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<
      [scopes?: readonly Scope[], required?: readonly Scope[]]
    >();
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<unknown>>>();
    expectTypeOf(auth.cancel).toEqualTypeOf<() => void>();
    expectTypeOf(auth.retry).toEqualTypeOf<() => void>();
    expectTypeOf(auth.reset).toEqualTypeOf<() => void>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
  });

  it('types session from what exchange resolves with', () => {
    const auth = useAuthCode({
      scopes: ['USER_LOGIN_ID'],
      exchange: async (grant): Promise<Session> => ({ userId: grant.authCode, expiresAt: 0 }),
    });
    expectTypeOf(auth.session).toEqualTypeOf<Session | undefined>();
    expectTypeOf(auth.request).returns.resolves.toEqualTypeOf<AuthCodeView<Session>>();
    expectTypeOf(auth).toEqualTypeOf<UseAuthCodeResult<Session>>();
  });

  it('infers session from an inline exchange', () => {
    const auth = useAuthCode({ exchange: async () => ({ token: 't', scopes: ['a'] }) });
    expectTypeOf(auth.session).toEqualTypeOf<{ token: string; scopes: string[] } | undefined>();
  });

  it('rejects input that is not an AuthCodeInput', () => {
    // @ts-expect-error timeoutMs is a number of milliseconds
    useAuthCode({ timeoutMs: '10s' });
  });
});

describe('useAuthCodeSelector', () => {
  it("returns the selector's type, from the provider or from an actorRef", () => {
    expectTypeOf(useAuthCodeSelector((view) => view.authCode)).toEqualTypeOf<string | undefined>();
    expectTypeOf(useAuthCodeSelector(actorRef, (view) => view.isLoading)).toEqualTypeOf<boolean>();
    expectTypeOf(
      useAuthCodeSelector(actorRef, (view: AuthCodeView<Session>) => view.session?.userId),
    ).toEqualTypeOf<string | undefined>();
  });

  it('takes a compare function over the selected type', () => {
    useAuthCodeSelector(
      (view) => view.grantedScopes,
      (previous, next) => previous.length === next.length,
    );
    // @ts-expect-error compare receives the selected strings, not numbers
    useAuthCodeSelector(
      (view) => view.status,
      (previous: number, next: number) => previous === next,
    );
  });
});

describe('useAuthCodeContext and AuthCodeProvider', () => {
  it('types the shared session as the caller says', () => {
    expectTypeOf(useAuthCodeContext().session).toEqualTypeOf<unknown>();
    expectTypeOf(useAuthCodeContext<Session>().session).toEqualTypeOf<Session | undefined>();
  });

  it('takes input or an existing actorRef, not both', () => {
    createElement(AuthCodeProvider, { input: { scopes: ['USER_LOGIN_ID'] } });
    createElement(AuthCodeProvider, { actorRef });
    createElement(AuthCodeProvider, {});
    // @ts-expect-error a provider shares an existing flow or owns a new one
    createElement(AuthCodeProvider, { actorRef, input: { scopes: ['USER_LOGIN_ID'] } });
  });
});

describe('the command contract', () => {
  it("is core's AuthCodeCommands", () => {
    expectTypeOf<UseAuthCodeResult<{ id: string }>>().toExtend<AuthCodeCommands<{ id: string }>>();
  });
});
