import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // examples/shared is published as TypeScript sources: Next compiles it like the app's own files.
  transpilePackages: ['@authcode/example-shared'],
  // The workspace root, where pnpm links the packages from: Turbopack resolves files up to here.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  // The example is not a Next.js showcase: no telemetry header, no image optimisation.
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default config;
