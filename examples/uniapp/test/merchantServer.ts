import { defaultUsers } from '@authcode/embedded-wallet';
import { startFullstack } from '@authcode/example-server/src/fullstack.ts';
import type { ScenarioServer } from '@authcode/miniprogram-harness';
import { SERVER_URL } from '../src/config';

/** The example server with its embedded wallet on loopback; the page's SERVER_URL is routed to it. */
export const merchantServer: ScenarioServer = {
  origin: SERVER_URL,
  // `env: {}`: the embedded wallet, whatever WALLET_URL the shell has.
  start: () => startFullstack({ port: 0, env: {} }),
  userId: defaultUsers[0]!.userId,
};
