import { afterEach, describe, expect, it, vi } from 'vitest';
import { isServerRuntime } from '../src/index';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isServerRuntime', () => {
  it('is true in Node with no DOM: where a module serves every request', () => {
    expect(isServerRuntime()).toBe(true);
  });

  it('is false with a DOM (a browser, or a test in happy-dom)', () => {
    vi.stubGlobal('document', {});
    expect(isServerRuntime()).toBe(false);
  });

  it("is false in a mini program's logic layer: no DOM and no process", () => {
    vi.stubGlobal('process', undefined);
    expect(isServerRuntime()).toBe(false);
  });

  it('is false, not a TypeError, when process has no versions', () => {
    vi.stubGlobal('process', {});
    expect(isServerRuntime()).toBe(false);
  });
});
