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

interface Session {
  userId: string;
}

const exchange = async (): Promise<Session> => ({ userId: 'u-1' });

describe('useAuthCode (runes) types', () => {
  it('has every field of the view, read-only, with session typed from exchange', () => {
    const auth = useAuthCode({ exchange });
    expectTypeOf(auth).toEqualTypeOf<UseAuthCodeResult<Session>>();
    expectTypeOf(auth).toExtend<Readonly<AuthCodeView<Session>>>();
    expectTypeOf(auth.status).toEqualTypeOf<AuthCodeStatus>();
    expectTypeOf(auth.isLoading).toEqualTypeOf<boolean>();
    expectTypeOf(auth.authCode).toEqualTypeOf<string | undefined>();
    expectTypeOf(auth.grantedScopes).toEqualTypeOf<Scope[]>();
    expectTypeOf(auth.error).toEqualTypeOf<AuthCodeError | undefined>();
    expectTypeOf(auth.session).toEqualTypeOf<Session | undefined>();
    // @ts-expect-error the view is read-only: the flow changes it, not the component
    auth.status = 'idle';
  });

  it("has core's commands, the actor and destroy()", () => {
    const auth = useAuthCode({ exchange });
    expectTypeOf(auth).toExtend<AuthCodeCommands<Session>>();
    expectTypeOf(auth.request).returns.toEqualTypeOf<Promise<AuthCodeView<Session>>>();
    expectTypeOf(auth.request).parameters.toEqualTypeOf<[(readonly Scope[])?, (readonly Scope[])?]>();
    expectTypeOf(auth.actorRef).toEqualTypeOf<AuthCodeActorRef>();
    expectTypeOf(auth.destroy).toEqualTypeOf<() => void>();
  });

  it('defaults the session to unknown without exchange', () => {
    expectTypeOf(useAuthCode()).toEqualTypeOf<UseAuthCodeResult<unknown>>();
  });
});
