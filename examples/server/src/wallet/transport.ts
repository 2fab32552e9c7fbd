import { WalletError } from './types.ts';

/** The caller's signal and the client's own timeout, as one signal for fetch. */
export function requestSignals(
  signal: AbortSignal,
  timeoutMs: number,
): { timeout: AbortSignal; combined: AbortSignal } {
  const timeout = AbortSignal.timeout(timeoutMs);
  return { timeout, combined: AbortSignal.any([signal, timeout]) };
}

/** Why no answer came: the caller gave up, the timeout ran out, or the network failed. */
export function transportError(
  error: unknown,
  signal: AbortSignal,
  timeout: AbortSignal,
  timeoutMs: number,
): WalletError {
  if (signal.aborted) {
    return new WalletError('wallet-unavailable', 'the wallet request was aborted', { cause: signal.reason });
  }
  if (timeout.aborted) {
    return new WalletError('wallet-unavailable', `the wallet did not answer within ${timeoutMs} ms`);
  }
  return new WalletError('wallet-unavailable', 'the wallet could not be reached', { cause: error });
}

export function checkTimeout(timeoutMs: number): number {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new RangeError('timeoutMs must be a positive number');
  return timeoutMs;
}

export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
