/**
 * The whole stack on one origin: the built React example, the API (`/api/session`) and, unless a real
 * wallet is configured, the embedded wallet with its consent sheet at `POST /wallet/consent`.
 *
 * - `WALLET_URL` unset (the default): the embedded wallet (@authcode/embedded-wallet) starts in this
 *   process on a loopback port of its own, with TEST-ONLY keys generated at start; the server's wallet
 *   client talks to it over HTTP, signed and verified exactly as with a real wallet. `codeTtlMs` (else
 *   `WALLET_CODE_TTL_MS`, else 10 minutes) is how long its codes live.
 * - `WALLET_URL` set: the client comes from the environment (`WALLET_API`, `WALLET_CLIENT_ID`,
 *   `WALLET_PRIVATE_KEY`, `WALLET_PUBLIC_KEY`, ...: src/wallet/fromEnv.ts); no wallet is started and
 *   there is no `/wallet/consent` (the super app's sheet issues the codes).
 *
 * Also read from `env`: `ORIGIN` (the site's origin as browsers send it, when it is not the URL this
 * listens on, e.g. behind a proxy), `ALLOWED_ORIGINS` (comma-separated) and `ALLOW_CLIENT_HEADER`
 * (`0` turns the `X-Authcode-Client` rule for mini programs off; on by default here).
 */
import { createServer } from 'node:net';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmbeddedWallet, type EmbeddedWallet } from '@authcode/embedded-wallet';
import type { FastifyInstance } from 'fastify';
import { buildServer, type LoggerOption } from './server.ts';
import { registerWalletConsent } from './walletConsent.ts';
import { createWalletClientFromEnv } from './wallet/fromEnv.ts';
import type { WalletClient } from './wallet/types.ts';

export interface FullstackOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Served at `/`. Default: the React example's build, examples/react/dist. */
  staticDir?: string;
  /** How long the embedded wallet's codes live. Default: `WALLET_CODE_TTL_MS` of `env`, else 600000. */
  codeTtlMs?: number;
  /** Where the settings above are read. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Fastify's logger: `true`, or pino options such as `{ level, stream }`. Default false. */
  logger?: boolean | object;
}

export interface Fullstack {
  /** `http://host:port`, where the page, the API and the consent sheet are served. */
  url: string;
  /** The embedded wallet (to issue codes from tests and benchmarks), or undefined with `WALLET_URL`. */
  wallet: EmbeddedWallet | undefined;
  close(): Promise<void>;
}

const defaultStaticDir = fileURLToPath(new URL('../../react/dist', import.meta.url));

export async function startFullstack(options: FullstackOptions = {}): Promise<Fullstack> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('port must be 0 to 65535');
  const staticDir = options.staticDir ?? defaultStaticDir;
  const allowClientHeader = env['ALLOW_CLIENT_HEADER']?.trim() !== '0';
  const allowedOrigins = (env['ALLOWED_ORIGINS'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  const embedded = env['WALLET_URL']?.trim()
    ? undefined
    : await startEmbeddedWallet({
        host: '127.0.0.1',
        port: 0,
        env,
        ...(options.codeTtlMs === undefined ? {} : { codeTtlMs: options.codeTtlMs }),
      });
  try {
    const client = createWalletClientFromEnv(env, embedded?.merchantConfig());
    const app = await listen(host, port, async (chosenPort) => {
      const configured = env['ORIGIN']?.trim();
      const origin = configured || urlOf(host, chosenPort);
      const app = await build(client, {
        origin,
        allowedOrigins: [...(configured ? [] : aliases(host, chosenPort, origin)), ...allowedOrigins],
        allowClientHeader,
        staticDir,
        logger: options.logger,
      });
      if (embedded) registerWalletConsent(app, { walletUrl: embedded.url });
      if (!isDirectory(staticDir)) {
        app.log.warn({ staticDir }, 'nothing to serve at /: build the React example (pnpm build:web)');
      }
      return app;
    });
    const url = urlOf(host, addressPort(app));
    return {
      url,
      wallet: embedded,
      async close() {
        await app.close();
        await embedded?.close();
      },
    };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}

function build(
  wallet: WalletClient,
  settings: {
    origin: string;
    allowedOrigins: string[];
    allowClientHeader: boolean;
    staticDir: string;
    logger: boolean | object | undefined;
  },
): Promise<FastifyInstance> {
  return buildServer({
    wallet,
    origin: settings.origin,
    allowedOrigins: settings.allowedOrigins,
    allowClientHeader: settings.allowClientHeader,
    staticDir: settings.staticDir,
    ...(settings.logger === undefined ? {} : { logger: settings.logger as LoggerOption }),
  });
}

/**
 * Builds the app for a port and listens on it. The site's origin (which `Origin` must match) includes
 * the port, so with port 0 a free port is found first; should another process take it in between,
 * another one is tried.
 */
async function listen(
  host: string,
  port: number,
  buildFor: (port: number) => Promise<FastifyInstance>,
): Promise<FastifyInstance> {
  for (let attempt = 1; ; attempt++) {
    const chosen = port === 0 ? await freePort(host) : port;
    const app = await buildFor(chosen);
    try {
      await app.listen({ port: chosen, host });
      return app;
    } catch (error) {
      await app.close();
      const inUse = (error as { code?: unknown }).code === 'EADDRINUSE';
      if (port !== 0 || !inUse || attempt >= 5) throw error;
    }
  }
}

async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, host, () => resolve());
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function addressPort(app: FastifyInstance): number {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening');
  return address.port;
}

/** The URL a browser on this machine opens: a wildcard address is reached through loopback. */
function urlOf(host: string, port: number): string {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** `localhost` and `127.0.0.1` are the same loopback site: a page opened under either may post. */
function aliases(host: string, port: number, origin: string): string[] {
  if (!['127.0.0.1', 'localhost', '0.0.0.0'].includes(host)) return [];
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`].filter((alias) => alias !== origin);
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
