import { findHost } from '@authcode/core/testing';

/**
 * True inside a real super app (a global `my` with getAuthCode): the page then passes no `host`,
 * so the flow calls the real one, and hides the simulated host's controls.
 */
export function isInsideSuperApp(): boolean {
  return findHost(undefined) !== undefined;
}
