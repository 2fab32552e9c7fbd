import { fileURLToPath } from 'node:url';
import { MemoryWallet } from './memoryWallet.ts';
import { buildServer } from './server.ts';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const origin = process.env.ORIGIN ?? `http://${host}:${port}`;
const staticDir = process.env.STATIC_DIR ?? fileURLToPath(new URL('../../react/dist', import.meta.url));

// The in-memory wallet stands in until a real wallet client is wired here.
const wallet = new MemoryWallet();

const app = await buildServer({
  wallet,
  origin,
  staticDir,
  allowedOrigins: process.env.ALLOWED_ORIGINS?.split(',').filter(Boolean) ?? [],
  allowNoOrigin: process.env.ALLOW_NO_ORIGIN === '1',
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}

await app.listen({ port, host });
console.log(`Merchant server: ${origin}`);
