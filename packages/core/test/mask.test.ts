import { describe, expect, it } from 'vitest';
import { AuthCodeError, maskAuthCode, maskAuthCodes } from '../src/index';

describe('maskAuthCode', () => {
  it('shows the first four characters, then an ellipsis', () => {
    expect(maskAuthCode('28100613DFLQDKXJQRSMKIXZCI')).toBe('2810…');
  });

  it('shows at most half of a short code', () => {
    expect(maskAuthCode('123456')).toBe('123…');
    expect(maskAuthCode('ab')).toBe('a…');
    expect(maskAuthCode('')).toBe('…');
  });
});

describe('maskAuthCodes', () => {
  it('masks every authCode string at any depth, and leaves the input alone', () => {
    const event = {
      type: '@xstate.snapshot',
      snapshot: { context: { authCode: '28100613DFLQ', nested: [{ authCode: 'ABCDEFGHIJ' }] } },
    };
    const masked = maskAuthCodes(event);
    expect(masked.snapshot.context.authCode).toBe('2810…');
    expect(masked.snapshot.context.nested[0]?.authCode).toBe('ABCD…');
    expect(event.snapshot.context.authCode).toBe('28100613DFLQ');
  });

  it('keeps errors in their JSON form, drops functions and survives cycles', () => {
    const value: Record<string, unknown> = {
      error: new AuthCodeError('declined', 'No', { code: '11' }),
      fn() {},
    };
    value.self = value;
    const masked = maskAuthCodes(value) as Record<string, unknown>;
    expect(masked.error).toMatchObject({ kind: 'declined', code: '11' });
    expect('fn' in masked).toBe(false);
    expect(masked.self).toBeUndefined();
  });

  it('keeps a value that two fields share', () => {
    const scopes = ['USER_LOGIN_ID'];
    expect(maskAuthCodes({ requested: scopes, granted: scopes })).toEqual({
      requested: scopes,
      granted: scopes,
    });
  });

  it('copies values in their JSON form and keeps null and a missing authCode as they are', () => {
    const value = {
      at: new Date(0),
      cleared: { toJSON: () => null },
      authCode: undefined,
      nested: { authCode: null, reason: null },
    };
    expect(maskAuthCodes(value)).toStrictEqual({
      at: '1970-01-01T00:00:00.000Z',
      cleared: null,
      authCode: undefined,
      nested: { authCode: null, reason: null },
    });
    expect(maskAuthCodes(null)).toBeNull();
  });
});
