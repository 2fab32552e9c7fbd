import { describe, expectTypeOf, it } from 'vitest';
import type { StateValueFrom } from 'xstate';
import type { AuthCodeCommands, AuthCodeMachine, AuthCodeStatus, AuthCodeView } from '../src/index';
import { descriptions, type DescriptionKey } from '../src/machine/machine.descriptions';
import type { AuthCodeState } from '../src/machine/machine';

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
    expectTypeOf(descriptions.consenting).toEqualTypeOf<string | undefined>();
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
