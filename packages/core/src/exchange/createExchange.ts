import { registerExchange } from '../machine/exchange.js';
import type { AuthCodeExchange, ExchangeFunction } from '../types.js';
import { runExchange } from './runExchange.js';

/**
 * Makes the `exchange` of a flow's input from a function that trades the code for a session on
 * your server: `exchange: createExchange(async (grant, { signal }) => postToServer(grant, signal))`.
 * The flow calls it once per grant with the raw code, aborts its `signal` on cancel, reset, unmount
 * or after `exchangeTimeoutMs`, scrubs the code out of whatever it rejects with, and drops the code
 * from memory once it ran. `TSession` is what it resolves with: the view's `session`.
 */
export function createExchange<TSession>(exchange: ExchangeFunction<TSession>): AuthCodeExchange<TSession> {
  if (typeof exchange !== 'function') {
    throw new TypeError('createExchange(exchange): `exchange` must be a function.');
  }
  const made: AuthCodeExchange<TSession> = Object.freeze({});
  registerExchange(made, (grant, timeoutMs, report) => runExchange(exchange, grant, timeoutMs, report));
  return made;
}
