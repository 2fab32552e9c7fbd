import type {
  AuthCodeActorRef,
  AuthCodeCommands,
  AuthCodeError,
  AuthCodeStatus,
  AuthCodeView,
  Scope,
} from '@authcode/core';
import { describe, expectTypeOf, it } from 'vitest';
import { useAuthCode, type UseAuthCodeResult } from '../src/runes';
import { createExchange } from '@authcode/core/exchange';

interface Session {
  userId: string;
}

const exchange = async (): Promise<Session> => ({ userId: 'u-1' });

describe('useAuthCode (runes) types', () => {
  it('has every field of the view, read-only, with session typed from exchange', () => {
    const auth = useAuthCode({ exchange: createExchange(exchange) });
    expectTypeOf(auth).toEqualTypeOf<UseAuthCodeResult<Session>>();
    expectTypeOf(auth).toExtend<Readonly<AuthCodeView<Session>>>();
    expectTypeOf(auth.status).toEqualTypeOf<AuthCodeStatus>();
    expectTypeOf(auth.isLoading).toEqualTypeOf<boolean>();
    // With exchange the code is spent on the session: no status holds it.
    expectTypeOf(auth.authCode).toEqualTypeOf<undefined>();
    expectTypeOf(auth.grantedScopes).toEqualTypeOf<Scope[]>();
    expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError | undefined>();
    expectTypeOf(auth.session).toEqualTypeOf<Session | undefined>();
    // @ts-expect-error the view is read-only: the flow changes it, not the component
    auth.status = 'idle';
  });

  it("has core's commands, the actor and destroy()", () => {
    const auth = useAuthCode({ exchange: createExchange(exchange) });
    expectTypeOf(auth).toExtend<AuthCodeCommands<Session>>();
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<Session>>>();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<[(readonly Scope[])?, (readonly Scope[])?]>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
    expectTypeOf(auth.destroy).toEqualTypeOf<() => void>();
  });

  it('has no session without exchange (TSession never)', () => {
    expectTypeOf(useAuthCode()).toEqualTypeOf<UseAuthCodeResult<never>>();
    expectTypeOf(useAuthCode().session).toEqualTypeOf<undefined>();
    expectTypeOf(useAuthCode().authCode).toEqualTypeOf<string | undefined>();
  });

  it('narrows its getters by status, like the view', () => {
    const auth = useAuthCode({ scopes: ['USER_LOGIN_ID'] });
    if (auth.status === 'success') expectTypeOf(auth.authCode).toEqualTypeOf<string>();
    const code: string | false = auth.status === 'success' && auth.authCode;
    void code;
    if (auth.status === 'failed') expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError>();
    if (auth.status === 'idle') {
      // @ts-expect-error: idle holds no code
      const idleCode: string = auth.authCode;
      void idleCode;
    }
    // @ts-expect-error: the error is there only in failed
    const error: AuthCodeError = auth.error;
    void error;
    const withSession = useAuthCode({ exchange: createExchange(exchange) });
    if (withSession.status === 'success') expectTypeOf(withSession.session).toEqualTypeOf<Session>();
  });

  it('stands where a flow of any session is expected', () => {
    expectTypeOf(useAuthCode()).toExtend<UseAuthCodeResult>();
    expectTypeOf(useAuthCode({ exchange: createExchange(exchange) })).toExtend<UseAuthCodeResult>();
  });
});
