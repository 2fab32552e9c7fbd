import { afterEach, describe, expect, it } from 'vitest';
import { readGlobalMy } from '../src/superApp/globalMy';

const globals = globalThis as { my?: unknown };

afterEach(() => {
  delete globals.my;
});

describe("the page's `my`", () => {
  it('is the object found when read', () => {
    const my = { getAuthCode() {} };
    globals.my = my;
    expect(readGlobalMy()).toBe(my);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'my'],
    ['a number', 0],
  ])('is undefined when it is %s', (_name, value) => {
    globals.my = value;
    expect(readGlobalMy()).toBeUndefined();
  });

  it('is undefined behind a global getter that throws', () => {
    Object.defineProperty(globalThis, 'my', {
      get() {
        throw new Error('not in a mini program');
      },
      configurable: true,
    });
    expect(readGlobalMy()).toBeUndefined();
  });
});
