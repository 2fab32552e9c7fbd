import type { AuthCodeError } from '@authcode/core';
import { sessionErrorOf } from './sessionError';

/** What the error card offers after a failure. */
export interface RetryAction {
  /** Whether asking again can help; when not, the card says to fix the cause first. */
  readonly visible: boolean;
  /** "Try again" after the merchant server refused the code, "Retry" after the host failed. */
  readonly label: 'Retry' | 'Try again';
}

/**
 * The retry button of a failed flow. Both labels send RETRY, which asks the host for a new code (a
 * failed exchange spent the old one). The core calls every exchange failure retryable; the server's
 * SessionError knows better: `bad-request` or `forbidden-origin` will fail again whatever the code.
 */
export function retryActionFor(error: AuthCodeError): RetryAction {
  const exchangeFailed = error.kind === 'exchange' || error.kind === 'exchange-timeout';
  return {
    visible: sessionErrorOf(error)?.retryable ?? error.retryable,
    label: exchangeFailed ? 'Try again' : 'Retry',
  };
}
