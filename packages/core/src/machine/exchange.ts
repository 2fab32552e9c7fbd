import { dropCode, revealCode, scrubCode } from '../credential/secret.js';
import { AuthCodeError, describeReason } from '../errors/errors.js';
import type { AuthCodeInput } from '../types.js';
import { createAbortHandle } from './abort.js';
import type { SealedGrant } from './hostAnswer.js';
import { fromResumable } from './resumable.js';

export interface ExchangeInput {
  exchange: NonNullable<AuthCodeInput<unknown>['exchange']>;
  grant: SealedGrant;
  /** 0 waits forever. */
  timeoutMs: number;
}

export type ExchangeEvent =
  { type: 'EXCHANGE.DONE'; output: unknown } | { type: 'EXCHANGE.FAILED'; error: AuthCodeError };

/** The code is gone from memory: its lifetime ended, or the flow was restored from storage. */
export const codeGone = () =>
  new AuthCodeError('expired', 'The auth code is no longer held: ask the host again.');

/**
 * A rejection reason fit to be a `cause`: servers often echo the code back (`bad code …`). An Error
 * that does not mention the code, or a primitive that does not, is kept; anything else becomes an
 * Error (same name) with the code masked out of its message.
 */
function scrubReason(reason: unknown, code: string): unknown {
  const message = describeReason(reason);
  try {
    const isError = reason instanceof Error;
    if (
      isError
        ? !`${message}${reason.stack}`.includes(code)
        : Object(reason) !== reason && !message.includes(code)
    )
      return reason;
  } catch {
    // A throwing stack getter: replaced below.
  }
  const copy = new Error(scrubCode(message, code));
  if (reason instanceof Error) copy.name = reason.name;
  return copy;
}

/**
 * Runs `exchange` once per grant, even across an actor restart: the code is single-use. Its signal
 * aborts when the flow leaves `exchanging` (cancel, reset, unmount) or after `timeoutMs`. Failures
 * are reported as AuthCodeErrors whose message and cause never hold the code.
 */
export const exchangeCode = fromResumable<ExchangeInput, ExchangeEvent>(
  ({ exchange, grant, timeoutMs }, report) => {
    const controller = createAbortHandle();
    const code = revealCode(grant.authCode);
    let settled = false;
    const settle = (event: ExchangeEvent) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Spent, whatever the outcome: the code is single-use.
      dropCode(grant.authCode);
      report(event);
    };
    const fail = (scrubbed: unknown) => {
      settle({
        type: 'EXCHANGE.FAILED',
        error: new AuthCodeError('exchange', `Exchanging the auth code failed: ${describeReason(scrubbed)}`, {
          cause: scrubbed,
        }),
      });
    };
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            const error = new AuthCodeError(
              'exchange-timeout',
              `The exchange did not settle within ${timeoutMs} ms.`,
            );
            settle({ type: 'EXCHANGE.FAILED', error });
            controller.abort(error);
          }, timeoutMs)
        : undefined;
    if (code === undefined) {
      settle({ type: 'EXCHANGE.FAILED', error: codeGone() });
    } else {
      // The promise constructor turns a synchronous throw into a rejection.
      new Promise((resolve) =>
        resolve(exchange({ ...grant, authCode: code }, { signal: controller.signal })),
      ).then(
        (output) => settle({ type: 'EXCHANGE.DONE', output }),
        (reason) => fail(scrubReason(reason, code)),
      );
    }
    return () => {
      settled = true;
      clearTimeout(timer);
      dropCode(grant.authCode);
      controller.abort();
    };
  },
);
