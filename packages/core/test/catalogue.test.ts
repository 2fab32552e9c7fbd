import { describe, expect, it } from 'vitest';
import { describeError, describeScope, errorCatalogue, knownScopes, scopeCatalogue } from '../src/catalogue';

// Every code in shared/reference/hosts.md, with the class given there.
const HOST_CODES: [string, string][] = [
  ['3', 'unknown'],
  ['4', 'configuration'],
  ['10', 'transient'],
  ['11', 'declined'],
  ['12', 'transient'],
  ['13', 'transient'],
  ['14', 'transient'],
  ['15', 'transient'],
  ['101', 'account'],
  ['1000', 'unknown'],
  ['1001', 'declined'],
  ['1005', 'transient'],
  ['40006', 'scope'],
  ['10001', 'scope'],
];

describe('scope catalogue', () => {
  it('has the 25 scopes of the specification, each described', () => {
    expect(knownScopes).toHaveLength(25);
    expect(knownScopes[0]).toBe('USER_LOGIN_ID');
    expect(knownScopes.at(-1)).toBe('SUBSCRIPTION');
    for (const scope of knownScopes) expect(scopeCatalogue[scope]).toMatch(/^Authorized to /);
  });

  it('describes known scopes and nothing else, case-sensitively', () => {
    expect(describeScope('USER_LOGIN_ID')).toBe("Authorized to obtain users' phone numbers");
    expect(describeScope('user_login_id')).toBeUndefined();
    expect(describeScope('toString')).toBeUndefined();
  });
});

describe('error catalogue', () => {
  it.each(HOST_CODES)('knows code %s as %s', (code, errorClass) => {
    const description = describeError(code);
    expect(description.known).toBe(true);
    expect(description.class).toBe(errorClass);
    expect(description.message.length).toBeGreaterThan(3);
    expect(description.meaning.length).toBeGreaterThan(3);
  });

  it('accepts numeric codes as hosts send them', () => {
    expect(describeError(11)).toEqual(describeError('11'));
  });

  it('classifies retryability: configuration and account problems do not go away by asking again', () => {
    expect(describeError(4).retryable).toBe(false);
    expect(describeError(101).retryable).toBe(false);
    expect(describeError(11).retryable).toBe(true);
    expect(describeError(12).retryable).toBe(true);
  });

  it('reads a code outside the catalogue as unknown, never throws', () => {
    expect(describeError(777)).toMatchObject({
      code: '777',
      class: 'unknown',
      known: false,
      retryable: true,
    });
    expect(describeError('__proto__').known).toBe(false);
    expect(describeError('99999')).toMatchObject({ meaning: 'A code outside the catalogue.', hosts: [] });
  });

  it('has no entry without hosts except the codes this library defines', () => {
    const libraryCodes = Object.entries(errorCatalogue).filter(([, entry]) => entry.hosts.length === 0);
    expect(libraryCodes.map(([code]) => code)).toEqual(['unreported']);
  });
});
