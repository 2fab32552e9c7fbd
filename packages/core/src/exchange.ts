import { createAbortHandle } from './abort.js';
import { AuthCodeError, describeReason } from './errors.js';
import type { SealedGrant } from './resolve.js';
import { fromResumable } from './resumable.js';
import { dropCode, revealCode, scrubCode } from './secret.js';
import type { AuthCodeInput } from './types.js';

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
 * A rejection reason with the code masked out: servers often echo the code back (`bad code …`),
 * and the reason becomes the error's `cause`. Unchanged when it does not mention the code.
 */
function scrubReason(reason: unknown, code: string): unknown {
  if (typeof reason === 'string') return scrubCode(reason, code);
  const message = describeReason(reason);
  if (reason instanceof Error && !message.includes(code) && !String(reason.stack).includes(code))
    return reason;
  if (!(reason instanceof Error) && !message.includes(code)) {
    try {
      if (!String(JSON.stringify(reason)).includes(code)) return reason;
    } catch {
      // A cycle or a throwing getter: replaced by a scrubbed copy below.
    }
  }
  const copy = new Error(scrubCode(message, code));
  copy.name = reason instanceof Error ? reason.name : 'Error';
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
    const fail = (reason: unknown) => {
      const scrubbed = code === undefined ? reason : scrubReason(reason, code);
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
      ).then((output) => settle({ type: 'EXCHANGE.DONE', output }), fail);
    }
    return () => {
      settled = true;
      clearTimeout(timer);
      dropCode(grant.authCode);
      controller.abort();
    };
  },
);
