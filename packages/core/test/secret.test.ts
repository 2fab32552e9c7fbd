import { describe, expect, it } from 'vitest';
import { dropCode, revealCode, sealCode } from '../src/credential/secret';

describe('a sealed code', () => {
  it('shows only its mask as JSON and as a string, and the raw code through revealCode', () => {
    const sealed = sealCode('28100613DFLQ');
    expect(JSON.stringify({ authCode: sealed })).toBe('{"authCode":"2810…"}');
    expect(String(sealed)).toBe('2810…');
    expect(revealCode(sealed)).toBe('28100613DFLQ');
  });

  it('once dropped, shows an empty mask and reveals nothing', () => {
    const sealed = sealCode('28100613DFLQ');
    dropCode(sealed);
    expect(JSON.stringify(sealed)).toBe('"…"');
    expect(String(sealed)).toBe('…');
    expect(revealCode(sealed)).toBeUndefined();
  });
});
