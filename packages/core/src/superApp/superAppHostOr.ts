import type { AuthCodeHost, HostSource } from '../types.js';
import { readGlobalMy } from './globalMy.js';

/**
 * "The super app's host, or this one outside a super app", decided when a request starts: pass the
 * result as the flow's `host`. It reads `my` only when a request starts, so server rendering and
 * module loading never touch it, and `fallback` runs only outside a super app; give it a dynamic
 * `import()` to keep a simulated host out of production bundles.
 */
export function superAppHostOr(fallback: HostSource): HostSource {
  return () => {
    const page = readGlobalMy();
    return typeof page?.getAuthCode === 'function' ? (page as unknown as AuthCodeHost) : fallback();
  };
}
