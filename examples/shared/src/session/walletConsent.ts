import type { WalletCodeSource } from '../superApp/simulatedSuperApp';
import { readTestHooks } from '../superApp/testHooks';
import type { FetchLike } from './merchantSession';

/** The embedded wallet's consent endpoint, served by the full-stack server on the page's origin. */
export const WALLET_CONSENT_PATH = '/wallet/consent';

const globalFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Codes from the embedded wallet, as a super app's consent sheet gets them from its own backend
 * after "Allow": each is real, single-use and expiring, so the merchant server can exchange it.
 */
export function createWalletCodeSource(
  fetchImpl: FetchLike = globalFetch,
  // The wallet's default account unless a test signs the super app in as another.
  userId: string | undefined = readTestHooks().walletUserId,
): WalletCodeSource {
  return async ({ scopes }) => {
    const response = await fetchImpl(WALLET_CONSENT_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userId === undefined ? { scopes } : { scopes, userId }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const body: unknown = await response.json().catch(() => undefined);
    const authCode = (body as { authCode?: unknown } | undefined)?.authCode;
    if (!response.ok || typeof authCode !== 'string' || authCode === '') {
      throw new Error(`The wallet issued no code (HTTP ${response.status}).`);
    }
    return authCode;
  };
}
