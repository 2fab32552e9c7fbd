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
import { createExchange } from '@authcode/core/exchange';

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
    // Without exchange there is never a session.
    expectTypeOf(auth.session).toEqualTypeOf<undefined>();
    expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError | undefined>();
    expectTypeOf(auth).toExtend<AuthCodeView>();
    expectTypeOf(auth).toEqualTypeOf<UseAuthCodeResult<never>>();
  });

  it('narrows by status: the code in success without exchange, the error in failed', () => {
    const auth = useAuthCode({ scopes: ['USER_LOGIN_ID'] });
    if (auth.status === 'success') expectTypeOf(auth.authCode).toEqualTypeOf<string>();
    if (auth.status === 'failed') expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError>();
    if (auth.status === 'idle') {
      expectTypeOf(auth.authCode).toEqualTypeOf<undefined>();
      // @ts-expect-error: idle holds no code
      const code: string = auth.authCode;
      void code;
    }
    if (auth.isLoading) expectTypeOf(auth.status).toEqualTypeOf<'consenting' | 'exchanging'>();
    // @ts-expect-error: the error is there only in failed
    const error: AuthCodeError = auth.error;
    void error;
    // The commands stay beside the narrowed view.
    if (auth.status === 'failed') expectTypeOf(auth.retry).toEqualTypeOf<() => void>();
  });

  it('narrows by status: the session, and no code, in success with exchange', () => {
    const auth = useAuthCode({
      exchange: createExchange(async (): Promise<Session> => ({ userId: 'u', expiresAt: 0 })),
    });
    if (auth.status === 'success') {
      expectTypeOf(auth.session).toEqualTypeOf<Session>();
      expectTypeOf(auth.authCode).toEqualTypeOf<undefined>();
    }
  });

  it('resolves request() with a view that narrows', async () => {
    const view = await useAuthCode().request();
    if (view.status === 'success') expectTypeOf(view.authCode).toEqualTypeOf<string>();
    if (view.status === 'failed') expectTypeOf(view.error).toEqualTypeOf<AuthCodeError>();
  });

  it('lets a typed flow stand where any flow is expected', () => {
    expectTypeOf(useAuthCode()).toExtend<UseAuthCodeResult>();
    expectTypeOf<UseAuthCodeResult<Session>>().toExtend<UseAuthCodeResult>();
    expectTypeOf<UseAuthCodeResult<never>>().not.toExtend<UseAuthCodeResult<Session>>();
  });

  it('returns the actions and the actorRef', () => {
    const auth = useAuthCode();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<
      [scopes?: readonly Scope[], required?: readonly Scope[]]
    >();
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<never>>>();
    expectTypeOf(auth.cancel).toEqualTypeOf<() => void>();
    expectTypeOf(auth.retry).toEqualTypeOf<() => void>();
    expectTypeOf(auth.reset).toEqualTypeOf<() => void>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
  });

  it('types session from what exchange resolves with', () => {
    const auth = useAuthCode({
      scopes: ['USER_LOGIN_ID'],
      exchange: createExchange(async (grant): Promise<Session> => ({ userId: grant.authCode, expiresAt: 0 })),
    });
    expectTypeOf(auth.session).toEqualTypeOf<Session | undefined>();
    expectTypeOf(auth.request).returns.resolves.toEqualTypeOf<AuthCodeView<Session>>();
    expectTypeOf(auth).toEqualTypeOf<UseAuthCodeResult<Session>>();
  });

  it('infers session from an inline exchange', () => {
    const auth = useAuthCode({ exchange: createExchange(async () => ({ token: 't', scopes: ['a'] })) });
    expectTypeOf(auth.session).toEqualTypeOf<{ token: string; scopes: string[] } | undefined>();
    if (auth.status === 'success')
      expectTypeOf(auth.session).toEqualTypeOf<{ token: string; scopes: string[] }>();
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

  it('hands the selector a view that narrows by status', () => {
    expectTypeOf(
      useAuthCodeSelector((view) => (view.status === 'failed' ? view.error : undefined)),
    ).toEqualTypeOf<AuthCodeError | undefined>();
    useAuthCodeSelector((view) => {
      if (view.status === 'failed') expectTypeOf(view.error).toEqualTypeOf<AuthCodeError>();
      if (view.status === 'success' && view.authCode !== undefined)
        expectTypeOf(view.authCode).toEqualTypeOf<string>();
      // @ts-expect-error: a provider's flow may have an exchange, so success may hold no code
      if (view.status === 'success') expectTypeOf(view.authCode).toEqualTypeOf<string>();
      return null;
    });
    useAuthCodeSelector(actorRef, (view: AuthCodeView<never>) => {
      if (view.status === 'success') expectTypeOf(view.authCode).toEqualTypeOf<string>();
      return null;
    });
    useAuthCodeSelector(actorRef, (view: AuthCodeView<Session>) => {
      if (view.status === 'success') expectTypeOf(view.session).toEqualTypeOf<Session>();
      return null;
    });
  });

  it('takes a compare function over the selected type', () => {
    useAuthCodeSelector(
      (view) => view.grantedScopes,
      (previous, next) => previous.length === next.length,
    );
    const compareNumbers = (previous: number, next: number) => previous === next;
    // One line: TypeScript 5 reports the error at the call, TypeScript 7 at the argument.
    // @ts-expect-error compare receives the selected strings, not numbers
    useAuthCodeSelector((view) => view.status, compareNumbers);
  });
});

describe('useAuthCodeContext and AuthCodeProvider', () => {
  it('types the shared session as the caller says', () => {
    expectTypeOf(useAuthCodeContext().session).toEqualTypeOf<unknown>();
    expectTypeOf(useAuthCodeContext<Session>().session).toEqualTypeOf<Session | undefined>();
    const shared = useAuthCodeContext<Session>();
    if (shared.status === 'success') expectTypeOf(shared.session).toEqualTypeOf<Session>();
    const withoutExchange = useAuthCodeContext<never>();
    if (withoutExchange.status === 'success') expectTypeOf(withoutExchange.authCode).toEqualTypeOf<string>();
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
