import { afterAll, beforeAll } from 'vitest';
import type { LogicLayerOptions } from './logicLayer.ts';

/** What the scenarios need of a wallet: the consent sheet's "Allow", which issues a one-time code. */
export interface CodeIssuer {
  issueCode(consent: { scopes: readonly string[]; userId?: string }): string;
}

/** A running merchant server with its wallet, e.g. what `startFullstack({ port: 0 })` resolves with. */
export interface MerchantServer {
  /** Its base URL on loopback, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The embedded wallet that issues the codes (undefined when the server talks to a real one). */
  readonly wallet: CodeIssuer | undefined;
  close(): Promise<void>;
}

/** The server a page signs in with, for the scenarios: started once per test file, closed after it. */
export interface ScenarioServer {
  /** The origin the page's requests go to (the example's `SERVER_URL`): routed to the started server. */
  origin: string;
  /** Starts the server and its wallet on loopback (port 0). */
  start(): Promise<MerchantServer>;
  /** The wallet user the codes are issued for: the page must show "Signed in as <userId>". */
  userId: string;
}

/** Starts the server before the file's tests and closes it after; the getters throw until it runs. */
export function useMerchantServer(server: ScenarioServer): {
  readonly url: string;
  issueCode(scopes: unknown): string;
  /** The layer options with the page's server origin routed to this server. */
  layer(options?: LogicLayerOptions): LogicLayerOptions;
} {
  let running: MerchantServer | undefined;
  beforeAll(async () => {
    running = await server.start();
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = () => {
    if (!running) throw new Error('The merchant server has not started.');
    return running;
  };
  return {
    get url() {
      return started().url;
    },
    issueCode(scopes) {
      const { wallet } = started();
      if (!wallet) throw new Error('The merchant server has no embedded wallet to issue codes from.');
      const asked = Array.isArray(scopes) ? scopes.map(String) : [String(scopes)];
      return wallet.issueCode({ scopes: asked, userId: server.userId });
    },
    layer: (options = {}) => ({
      ...options,
      my: { ...options.my, routes: { ...options.my?.routes, [server.origin]: started().url } },
    }),
  };
}
