/**
 * `pnpm dev:fullstack`: the React example in Vite's dev server (hot reload) on PORT (default 8787),
 * with `/api` and `/wallet` proxied to the full stack (API and embedded wallet: src/fullstack.ts),
 * which listens on a free loopback port of its own. The page's origin is Vite's, so it is passed to the
 * server as an allowed origin; the proxy forwards the browser's `Origin` unchanged.
 *
 * The proxy is given inline, on top of examples/react/vite.config.ts, which stays as it is.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startFullstack } from '../src/fullstack.ts';

const env = process.env;
const port = Number(env['PORT'] || 8787);
const host = env['HOST'] || '127.0.0.1';
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error('PORT must be an integer from 1 to 65535');
  process.exit(1);
}
const reactDir = fileURLToPath(new URL('../../react', import.meta.url));
const pageOrigins = [`http://${host}:${port}`];
if (host === '127.0.0.1') pageOrigins.push(`http://localhost:${port}`);

const fullstack = await startFullstack({
  port: 0,
  host: '127.0.0.1',
  env: {
    ...env,
    ORIGIN: '',
    ALLOWED_ORIGINS: [env['ALLOWED_ORIGINS'], ...pageOrigins].filter(Boolean).join(','),
  },
  logger: { level: env['LOG_LEVEL'] || 'info' },
});

const target = { target: fullstack.url, changeOrigin: false, xfwd: false };
const vite = await createServer({
  root: reactDir,
  configFile: join(reactDir, 'vite.config.ts'),
  server: {
    host,
    port,
    strictPort: true, // the server accepts POSTs from this origin only
    proxy: { '/api': target, '/wallet': target },
  },
});

try {
  await vite.listen();
} catch (error) {
  await fullstack.close();
  throw error;
}

async function stop(): Promise<void> {
  await vite.close();
  await fullstack.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());

const url = vite.resolvedUrls?.local[0] ?? `http://${host}:${port}/`;
console.log(
  `React example (Vite dev server): ${url}\n` +
    `API and embedded wallet behind it: ${fullstack.url} (/api and /wallet proxied)`,
);
