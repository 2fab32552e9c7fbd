import type { AuthCodeHost, GetAuthCodeOptions } from '../../src/index';

/**
 * A host that counts consent sheets: each call opens one, each first answer closes it, and so does
 * the flow giving up on it (a host that takes a signal; the responder passes none, as to the real
 * `my`). `maxOpen` is the most sheets that were open at the same time: what a user would see stacked.
 */
export function createSheetHost() {
  const calls: GetAuthCodeOptions[] = [];
  const open = new Set<GetAuthCodeOptions>();
  const signalled = new WeakSet<GetAuthCodeOptions>();
  let maxOpen = 0;
  const close = (options: GetAuthCodeOptions, via: 'success' | 'fail', payload: unknown) => {
    if (!open.delete(options)) return;
    options[via]?.(payload as never);
    options.complete?.(payload as never);
  };
  const host: AuthCodeHost = {
    takesSignal: true,
    getAuthCode(options, context) {
      calls.push(options);
      open.add(options);
      maxOpen = Math.max(maxOpen, open.size);
      if (!context) return;
      signalled.add(options);
      context.signal.addEventListener('abort', () => open.delete(options));
    },
  };
  const oldestOpen = () => {
    const [first] = open;
    if (!first) throw new Error('No consent sheet is open.');
    return first;
  };
  return {
    host,
    calls,
    openSheets: () => open.size,
    maxOpen: () => maxOpen,
    /**
     * Closes the sheets of calls that came with a signal (flows'), now: a flow about to be cancelled
     * no longer waits for its sheet, though its signal aborts a promise job after its turn ends.
     */
    abandonFlowSheets() {
      for (const options of open) if (signalled.has(options)) open.delete(options);
    },
    /** The user approves the oldest open sheet: every scope it asked for. */
    grant(authCode: string) {
      const options = oldestOpen();
      close(options, 'success', { authCode, authSuccessScopes: [...options.scopes], authErrorScopes: {} });
    },
    /** The user closes the oldest open sheet (code 11). */
    decline() {
      close(oldestOpen(), 'fail', { error: 11, errorMessage: 'Unauthorized to Get User Info' });
    },
  };
}
