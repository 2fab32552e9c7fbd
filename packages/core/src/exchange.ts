/**
 * `@authcode/core/exchange`: trading the code for a session on your server, as a step of the flow.
 * A separate entry so that apps whose flows have no `exchange` do not download it.
 */
export { createExchange } from './exchange/createExchange.js';
export type { AuthCodeExchange, ExchangeContext, ExchangeFunction } from './types.js';
