import type {
  AuthCodeActorRef,
  AuthCodeCommands,
  AuthCodeError,
  AuthCodeStatus,
  AuthCodeView,
  Scope,
} from '@authcode/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Ref } from 'vue';
import { injectAuthCode, provideAuthCode, useAuthCode, type UseAuthCodeReturn } from '../src/index';
import { createExchange } from '@authcode/core/exchange';

interface Session {
  user: string;
}

describe('useAuthCode types', () => {
  it('gives every view field as a readonly ref of its type', () => {
    const flow = useAuthCode();
    expectTypeOf(flow.status).toEqualTypeOf<Readonly<Ref<AuthCodeStatus>>>();
    expectTypeOf(flow.isLoading).toEqualTypeOf<Readonly<Ref<boolean>>>();
    expectTypeOf(flow.scopes).toEqualTypeOf<Readonly<Ref<Scope[]>>>();
    expectTypeOf(flow.authCode).toEqualTypeOf<Readonly<Ref<string | undefined>>>();
    expectTypeOf(flow.grantedScopes).toEqualTypeOf<Readonly<Ref<Scope[]>>>();
    expectTypeOf(flow.deniedScopes).toEqualTypeOf<Readonly<Ref<Record<string, string>>>>();
    // Without exchange there is never a session.
    expectTypeOf(flow.session).toEqualTypeOf<Readonly<Ref<undefined>>>();
    expectTypeOf(flow.error).toEqualTypeOf<Readonly<Ref<AuthCodeError | undefined>>>();
    expectTypeOf(flow.actorRef).toEqualTypeOf<AuthCodeActorRef>();
    expectTypeOf(flow.view).toEqualTypeOf<Readonly<Ref<AuthCodeView<never>>>>();
  });

  it('gives the whole view as one ref that narrows by status', () => {
    const { view } = useAuthCode({ scopes: ['USER_LOGIN_ID'] });
    if (view.value.status === 'success') expectTypeOf(view.value.authCode).toEqualTypeOf<string>();
    if (view.value.status === 'failed') expectTypeOf(view.value.error).toEqualTypeOf<AuthCodeError>();
    if (view.value.status === 'idle') {
      // @ts-expect-error: idle holds no code
      const code: string = view.value.authCode;
      void code;
    }
    // @ts-expect-error: the error is there only in failed
    const error: AuthCodeError = view.value.error;
    void error;
    const current = view.value;
    if (current.isLoading) expectTypeOf(current.status).toEqualTypeOf<'consenting' | 'exchanging'>();
    const withSession = useAuthCode({
      exchange: createExchange(async (): Promise<Session> => ({ user: 'u-1' })),
    });
    if (withSession.view.value.status === 'success')
      expectTypeOf(withSession.view.value.session).toEqualTypeOf<Session>();
    const replacement = current;
    // @ts-expect-error the view is read-only
    view.value = replacement;
  });

  it('cannot narrow the separate refs (that is what view is for)', () => {
    const flow = useAuthCode();
    if (flow.status.value === 'success')
      expectTypeOf(flow.authCode.value).toEqualTypeOf<string | undefined>();
  });

  it('stands where a flow of any session is expected', () => {
    expectTypeOf(useAuthCode()).toExtend<UseAuthCodeReturn>();
    expectTypeOf(
      useAuthCode({ exchange: createExchange(async (): Promise<Session> => ({ user: 'u-1' })) }),
    ).toExtend<UseAuthCodeReturn>();
  });

  it('refuses writes to the refs', () => {
    const flow = useAuthCode();
    // @ts-expect-error the view is read-only: send commands instead
    flow.status.value = 'success';
    // @ts-expect-error the code comes only from the host
    flow.authCode.value = 'forged';
  });

  it('types session and request() from the exchange result', () => {
    const flow = useAuthCode({ exchange: createExchange(async (): Promise<Session> => ({ user: 'u-1' })) });
    expectTypeOf(flow.session).toEqualTypeOf<Readonly<Ref<Session | undefined>>>();
    expectTypeOf(flow.request).returns.resolves.toEqualTypeOf<AuthCodeView<Session>>();
    expectTypeOf(flow.request).parameters.toEqualTypeOf<
      [scopes?: readonly Scope[], required?: readonly Scope[]]
    >();
  });

  it('infers the session without an annotation', () => {
    const flow = useAuthCode({
      exchange: createExchange(async (grant) => ({ scopes: grant.grantedScopes, at: 1 })),
    });
    expectTypeOf(flow.session.value).toEqualTypeOf<{ scopes: Scope[]; at: number } | undefined>();
  });

  it('carries the session through provide and inject', () => {
    const provided = provideAuthCode({
      exchange: createExchange(async (): Promise<Session> => ({ user: 'u-1' })),
    });
    expectTypeOf(provided.session).toEqualTypeOf<Readonly<Ref<Session | undefined>>>();
    expectTypeOf(injectAuthCode<Session>().session).toEqualTypeOf<Readonly<Ref<Session | undefined>>>();
    expectTypeOf(injectAuthCode().session).toEqualTypeOf<Readonly<Ref<unknown>>>();
    const injected = injectAuthCode<Session>().view.value;
    if (injected.status === 'success') expectTypeOf(injected.session).toEqualTypeOf<Session>();
  });
});

describe('the command contract', () => {
  it("is core's AuthCodeCommands", () => {
    expectTypeOf<ReturnType<typeof useAuthCode<{ id: string }>>>().toExtend<
      AuthCodeCommands<{ id: string }>
    >();
  });
});
