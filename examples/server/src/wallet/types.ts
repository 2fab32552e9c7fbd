/**
 * What the merchant server needs from a wallet: trade a one-time authCode for an access token.
 * Implemented by the Alipay+ client (alipayPlusClient.ts) and the DANA SNAP client
 * (danaSnapClient.ts); chosen from the environment by fromEnv.ts.
 */

/**
 * - `code-used`: the wallet saw this code before (every attempt spends a code, even a failed one).
 * - `code-expired`: the code's lifetime (10 minutes on DANA) ran out.
 * - `code-invalid`: the wallet does not know the code (never issued, another merchant's,
 *   malformed, or forgotten long after it expired).
 * - `wallet-unavailable`: no trustworthy answer: timeout, network error, HTTP error, an answer
 *   whose signature does not verify, or the wallet refused the merchant itself (bad signature,
 *   unknown client: a configuration problem). The code may have been spent all the same.
 */
export type WalletErrorCode = 'code-used' | 'code-expired' | 'code-invalid' | 'wallet-unavailable';
export class WalletError extends Error {
  constructor(
    readonly code: WalletErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WalletError';
  }
}
/** The access token stays on the server; `userId` is the wallet's id of the user. */
export interface WalletToken {
  accessToken: string;
  userId: string;
  /** The scopes the wallet says it granted; empty when the wallet does not say. */
  scopes: string[];
  /** Epoch milliseconds, when the wallet tells. */
  expiresAt?: number;
}
export interface WalletClient {
  /** Trades an auth code for a token and the user's id. Rejects with WalletError; never includes the code or token in a message. */
  applyToken(authCode: string, options: { signal: AbortSignal }): Promise<WalletToken>;
}
