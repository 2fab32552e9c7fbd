/**
 * `pnpm start` (and `pnpm start:fullstack` at the root): the React example, the API and the embedded
 * wallet on one origin, http://127.0.0.1:8787 by default. Settings come from the environment (README).
 */
import { startFullstack } from './fullstack.ts';

const env = process.env;
const port = Number(env['PORT'] || 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('PORT must be an integer from 0 to 65535');
  process.exit(1);
}

const fullstack = await startFullstack({
  port,
  host: env['HOST'] || '127.0.0.1',
  ...(env['STATIC_DIR'] ? { staticDir: env['STATIC_DIR'] } : {}),
  env,
  logger: { level: env['LOG_LEVEL'] || 'info' },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void fullstack.close().then(() => process.exit(0)));
}

const wallet = fullstack.wallet
  ? `the embedded wallet (TEST-ONLY keys; consent at ${fullstack.url}/wallet/consent)`
  : `the wallet at WALLET_URL (${env['WALLET_API'] || 'alipay-plus'})`;
console.log(`Merchant site and API: ${fullstack.url}\nExchanging codes with ${wallet}`);
