import { render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { useAuthCodeContext } from '../src';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Renders a component that reads the context with no provider, and returns what render threw. */
function orphanRenderError(withoutProcess = false): unknown {
  // React reports the render error to the console too; keep the output clean.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  function Orphan() {
    const globals = globalThis as { process?: unknown };
    const saved = globals.process;
    // A mini program's logic layer has no `process`: hide it only while the hook runs.
    if (withoutProcess) globals.process = undefined;
    try {
      useAuthCodeContext();
    } finally {
      globals.process = saved;
    }
    return null;
  }
  try {
    render(<Orphan />);
  } catch (error) {
    return error;
  }
  return undefined;
}

it('outside production, the error says how to fix it', () => {
  const error = orphanRenderError();
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe(
    "[@authcode/react] useAuthCodeContext() must be used inside an <AuthCodeProvider>: wrap a parent in <AuthCodeProvider>, or call useAuthCode() for a flow of this component's own.",
  );
});

it('in production (NODE_ENV=production), the error is the short one', () => {
  vi.stubEnv('NODE_ENV', 'production');
  const error = orphanRenderError();
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe('useAuthCodeContext() needs an <AuthCodeProvider>');
});

it('without a global process (a mini program), the error is the short one, not a TypeError', () => {
  const error = orphanRenderError(true);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe('useAuthCodeContext() needs an <AuthCodeProvider>');
});
