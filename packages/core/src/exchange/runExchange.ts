import { dropCode, revealCode, scrubCode } from '../credential/secret.js';
import { AuthCodeError, describeReason } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import { createAbortHandle } from '../machine/abort.js';
import { codeGone, type ExchangeEvent } from '../machine/exchange.js';
import type { SealedGrant } from '../machine/hostAnswer.js';
import type { ExchangeFunction } from '../types.js';

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
 * Runs `exchange` on one sealed grant. Its signal aborts when the flow stops the run (cancel, reset,
 * unmount) or after `timeoutMs`. Failures are reported as AuthCodeErrors whose message and cause
 * never hold the code; the code is dropped from memory whatever the outcome: it is single-use.
 */
export function runExchange(
  exchange: ExchangeFunction<unknown>,
  grant: SealedGrant,
  timeoutMs: number,
  report: (event: ExchangeEvent) => void,
): () => void {
  const controller = createAbortHandle();
  const code = revealCode(grant.authCode);
  let settled = false;
  const settle = (event: ExchangeEvent) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    dropCode(grant.authCode);
    report(event);
  };
  const fail = (scrubbed: unknown) => {
    settle({
      type: 'EXCHANGE.FAILED',
      error: new AuthCodeError('exchange', explain('exchange-failed', describeReason(scrubbed)), {
        cause: scrubbed,
      }),
    });
  };
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          const error = new AuthCodeError('exchange-timeout', explain('exchange-timeout', `${timeoutMs} ms`));
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
}
