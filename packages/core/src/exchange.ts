import { createAbortHandle } from './abort.js';
import { fromResumable } from './resumable.js';
import type { AuthCodeGrant, AuthCodeInput } from './types.js';

export interface ExchangeInput {
  exchange: NonNullable<AuthCodeInput<unknown>['exchange']>;
  grant: AuthCodeGrant;
}

export type ExchangeEvent =
  { type: 'EXCHANGE.DONE'; output: unknown } | { type: 'EXCHANGE.FAILED'; error: unknown };

/**
 * Runs `exchange` once per grant, even across an actor restart: the code is single-use. Its signal
 * aborts when the flow leaves `exchanging` (cancel, reset, unmount).
 */
export const exchangeCode = fromResumable<ExchangeInput, ExchangeEvent>(({ exchange, grant }, report) => {
  const controller = createAbortHandle();
  // The promise constructor turns a synchronous throw into a rejection.
  new Promise((resolve) => resolve(exchange(grant, { signal: controller.signal }))).then(
    (output) => report({ type: 'EXCHANGE.DONE', output }),
    (error: unknown) => report({ type: 'EXCHANGE.FAILED', error }),
  );
  return () => controller.abort();
});
