import { describe, expect, it } from 'vitest';
import { AuthCodeError } from '../src/index';

describe('AuthCodeError', () => {
  it('is named AuthCodeError and has the same own fields whatever it was given', () => {
    const bare = new AuthCodeError('timeout', 'The host did not answer.');
    expect(bare.name).toBe('AuthCodeError');
    expect(Object.keys(bare).sort()).toEqual(['code', 'kind', 'name', 'retryable', 'scopes']);
    expect([bare.code, bare.scopes]).toEqual([undefined, undefined]);
    expect(JSON.parse(JSON.stringify(bare))).toStrictEqual({
      name: 'AuthCodeError',
      kind: 'timeout',
      message: 'The host did not answer.',
      retryable: true,
    });
    expect(Object.hasOwn(bare, 'cause')).toBe(false);
  });

  it('keeps a code, per-scope codes and a cause when given', () => {
    const cause = new Error('underlying');
    const full = new AuthCodeError('scope', 'Denied.', { code: '11', scopes: { a: '40006' }, cause });
    expect(Object.keys(full).sort()).toEqual(['code', 'kind', 'name', 'retryable', 'scopes']);
    expect(full.cause).toBe(cause);
    expect(full.toJSON()).toEqual({
      name: 'AuthCodeError',
      kind: 'scope',
      message: 'Denied.',
      code: '11',
      scopes: { a: '40006' },
      retryable: true,
    });
  });
});
