import { AuthCodeError } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import type { AuthCodeExchange } from '../types.js';
import type { SealedGrant } from './hostAnswer.js';
import { fromResumable } from './resumable.js';

export type ExchangeEvent =
  { type: 'EXCHANGE.DONE'; output: unknown } | { type: 'EXCHANGE.FAILED'; error: AuthCodeError };

/** Runs one exchange of a sealed grant; returns how to stop it. `timeoutMs` 0 waits forever. */
export type ExchangeRunner = (
  grant: SealedGrant,
  timeoutMs: number,
  report: (event: ExchangeEvent) => void,
) => () => void;

export interface ExchangeInput {
  exchange: AuthCodeExchange;
  grant: SealedGrant;
  timeoutMs: number;
}

/**
 * The runner of every exchange `createExchange` made, as a private field of that object. The work
 * (timeout, abort signal, scrubbing the code out of failures) lives in `@authcode/core/exchange`, so
 * an app whose flows have no `exchange` does not download it.
 */
const runners = new WeakMap<object, ExchangeRunner>();

export function registerExchange(exchange: AuthCodeExchange, runner: ExchangeRunner): void {
  runners.set(exchange, runner);
}

/** True for an exchange `createExchange` made (in this copy of the core). */
export const isExchange = (value: unknown): value is AuthCodeExchange => runners.has(value as object);

/** The code is gone from memory: its lifetime ended, or the flow was restored from storage. */
export const codeGone = () => new AuthCodeError('expired', explain('code-expired'));

/**
 * Runs the flow's exchange once per grant, even across an actor restart: the code is single-use.
 * Stopping the actor (cancel, reset, unmount) stops the exchange.
 */
export const exchangeCode = fromResumable<ExchangeInput, ExchangeEvent>(
  ({ exchange, grant, timeoutMs }, report) => {
    const run = runners.get(exchange);
    if (run) return run(grant, timeoutMs, report);
    // Only a snapshot restored from storage gets here (a request checks its exchange): its exchange
    // became a plain object, and its code was never stored either.
    report({ type: 'EXCHANGE.FAILED', error: codeGone() });
    return () => {};
  },
);
