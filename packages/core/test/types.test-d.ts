import { describe, expectTypeOf, it } from 'vitest';
import type { StateValueFrom } from 'xstate';
import {
  requestAuthCode,
  type AuthCodeCommands,
  type AuthCodeError,
  type AuthCodeGrantResult,
  type AuthCodeMachine,
  type AuthCodeResult,
  type AuthCodeSessionResult,
  type AuthCodeStatus,
  type AuthCodeView,
  type HasExchange,
  type Scope,
} from '../src/index';
import { descriptions, type DescriptionKey } from '../src/machine/machine.descriptions';
import type { AuthCodeState } from '../src/machine/machine';
import { createExchange } from '../src/exchange';

describe('AuthCodeStatus', () => {
  it('is every state of the machine but the transient resolving', () => {
    expectTypeOf<AuthCodeState>().toEqualTypeOf<StateValueFrom<AuthCodeMachine>>();
    expectTypeOf<AuthCodeStatus>().toEqualTypeOf<Exclude<StateValueFrom<AuthCodeMachine>, 'resolving'>>();
    expectTypeOf<AuthCodeStatus>().toEqualTypeOf<
      'idle' | 'consenting' | 'exchanging' | 'success' | 'failed'
    >();
    expectTypeOf<AuthCodeView['status']>().toEqualTypeOf<AuthCodeStatus>();
  });
});

describe('machine descriptions', () => {
  it('have one key per state and described transition, and reading a misspelt key does not compile', () => {
    expectTypeOf(descriptions.consenting).toEqualTypeOf<string>();
    // @ts-expect-error: no state or transition is named `consentng`
    void descriptions.consentng;
  });

  it('must describe every key, and only known keys', () => {
    const complete = {} as Record<DescriptionKey, string>;
    const { retry: _retry, ...missingOne } = complete;
    // @ts-expect-error: `retry` has no description
    const incomplete: Record<DescriptionKey, string> = missingOne;
    // @ts-expect-error: `retyr` is not a state or transition of the machine
    const misspelt: Record<DescriptionKey, string> = { ...complete, retyr: '' };
    expectTypeOf(incomplete).toEqualTypeOf(misspelt);
  });
});

describe('AuthCodeCommands', () => {
  it('declares request, cancel, retry and reset', () => {
    expectTypeOf<keyof AuthCodeCommands>().toEqualTypeOf<'request' | 'cancel' | 'retry' | 'reset'>();
    expectTypeOf<AuthCodeCommands<{ id: string }>['request']>().returns.toEqualTypeOf<
      Promise<AuthCodeView<{ id: string }>>
    >();
  });
});

interface Session {
  userId: number;
}
declare const withoutExchange: AuthCodeView<never>;
declare const withExchange: AuthCodeView<Session>;
declare const anyFlow: AuthCodeView;

describe('AuthCodeView narrows by status', () => {
  it('holds an error in failed, and only there', () => {
    if (anyFlow.status === 'failed') {
      expectTypeOf(anyFlow.error).toEqualTypeOf<AuthCodeError>();
      expectTypeOf(anyFlow.authCode).toEqualTypeOf<undefined>();
      expectTypeOf(anyFlow.session).toEqualTypeOf<undefined>();
      expectTypeOf(anyFlow.isLoading).toEqualTypeOf<false>();
    } else {
      expectTypeOf(anyFlow.error).toEqualTypeOf<undefined>();
    }
    expectTypeOf(anyFlow.error).toEqualTypeOf<AuthCodeError | undefined>();
    // @ts-expect-error: an error read without checking `failed` may be undefined
    const unchecked: AuthCodeError = anyFlow.error;
    void unchecked;
  });

  it('holds no code, session or error before success', () => {
    if (
      withoutExchange.status === 'idle' ||
      withoutExchange.status === 'consenting' ||
      withoutExchange.status === 'exchanging'
    ) {
      expectTypeOf(withoutExchange.authCode).toEqualTypeOf<undefined>();
      expectTypeOf(withoutExchange.session).toEqualTypeOf<undefined>();
      expectTypeOf(withoutExchange.error).toEqualTypeOf<undefined>();
    }
    if (withoutExchange.status === 'idle') {
      // @ts-expect-error: idle holds no code
      const code: string = withoutExchange.authCode;
      void code;
    }
  });

  it('holds the code in success of a flow without exchange', () => {
    if (withoutExchange.status === 'success') {
      expectTypeOf(withoutExchange.authCode).toEqualTypeOf<string>();
      expectTypeOf(withoutExchange.session).toEqualTypeOf<undefined>();
      expectTypeOf(withoutExchange.error).toEqualTypeOf<undefined>();
    }
    // @ts-expect-error: without checking `success` the code may be undefined
    const code: string = withoutExchange.authCode;
    void code;
  });

  it('holds the session, and no code, in success of a flow with exchange', () => {
    if (withExchange.status === 'success') {
      expectTypeOf(withExchange.session).toEqualTypeOf<Session>();
      expectTypeOf(withExchange.authCode).toEqualTypeOf<undefined>();
    }
    expectTypeOf(withExchange.session).toEqualTypeOf<Session | undefined>();
    expectTypeOf(withExchange.authCode).toEqualTypeOf<undefined>();
  });

  it('holds a code or a session in success of any flow (TSession unknown)', () => {
    if (anyFlow.status === 'success') {
      expectTypeOf(anyFlow.authCode).toEqualTypeOf<string | undefined>();
      if (anyFlow.authCode !== undefined) expectTypeOf(anyFlow.session).toEqualTypeOf<undefined>();
      else expectTypeOf(anyFlow.session).toEqualTypeOf<unknown>();
    }
    expectTypeOf(anyFlow.authCode).toEqualTypeOf<string | undefined>();
    expectTypeOf(anyFlow.session).toEqualTypeOf<unknown>();
  });

  it('keeps isLoading consistent with status', () => {
    if (anyFlow.isLoading) expectTypeOf(anyFlow.status).toEqualTypeOf<'consenting' | 'exchanging'>();
    else expectTypeOf(anyFlow.status).toEqualTypeOf<'idle' | 'success' | 'failed'>();
    expectTypeOf(anyFlow.isLoading).toEqualTypeOf<boolean>();
  });

  it('follows exchange from the session type', () => {
    expectTypeOf<HasExchange<never>>().toEqualTypeOf<false>();
    expectTypeOf<HasExchange<Session>>().toEqualTypeOf<true>();
    expectTypeOf<HasExchange<void>>().toEqualTypeOf<true>();
    expectTypeOf<HasExchange<unknown>>().toEqualTypeOf<boolean>();
    expectTypeOf<AuthCodeView<Session>>().toEqualTypeOf<AuthCodeView<Session, true>>();
  });

  it('lets a view of one flow stand for a view of any flow, never for one of another kind', () => {
    expectTypeOf(withoutExchange).toExtend<AuthCodeView>();
    expectTypeOf(withExchange).toExtend<AuthCodeView>();
    expectTypeOf(withoutExchange).not.toExtend<AuthCodeView<Session>>();
    expectTypeOf(withExchange).not.toExtend<AuthCodeView<never>>();
    expectTypeOf<AuthCodeCommands<never>>().toExtend<AuthCodeCommands>();
    expectTypeOf<AuthCodeCommands<Session>>().toExtend<AuthCodeCommands>();
    expectTypeOf<AuthCodeResult<never>>().toExtend<AuthCodeResult>();
    expectTypeOf<AuthCodeResult<Session>>().toExtend<AuthCodeResult>();
  });
});

describe('requestAuthCode', () => {
  it('resolves with the code without exchange', async () => {
    const result = await requestAuthCode({ scopes: ['USER_LOGIN_ID'] });
    expectTypeOf(result.authCode).toEqualTypeOf<string>();
    expectTypeOf(result).toEqualTypeOf<AuthCodeGrantResult>();
    expectTypeOf(result.grantedScopes).toEqualTypeOf<Scope[]>();
    const { authCode } = await requestAuthCode({ scopes: ['USER_LOGIN_ID'] });
    expectTypeOf(authCode).toEqualTypeOf<string>();
  });

  it('resolves with the session, and no code, with exchange', async () => {
    const result = await requestAuthCode({
      scopes: ['USER_LOGIN_ID'],
      exchange: createExchange(async (): Promise<Session> => ({ userId: 1 })),
    });
    expectTypeOf(result.session).toEqualTypeOf<Session>();
    expectTypeOf(result.authCode).toEqualTypeOf<undefined>();
    expectTypeOf(result).toEqualTypeOf<AuthCodeSessionResult<Session>>();
    const inferred = await requestAuthCode({
      scopes: ['USER_LOGIN_ID'],
      exchange: createExchange(async (grant) => ({ token: grant.authCode })),
    });
    expectTypeOf(inferred.session).toEqualTypeOf<{ token: string }>();
    // @ts-expect-error: the code was spent on the session
    const code: string = inferred.authCode;
    void code;
  });

  it('keeps explicit type arguments compiling', () => {
    expectTypeOf(requestAuthCode<Session>).returns.resolves.toEqualTypeOf<AuthCodeResult<Session>>();
    expectTypeOf<AuthCodeResult>().toEqualTypeOf<AuthCodeGrantResult | AuthCodeSessionResult<unknown>>();
  });
});
