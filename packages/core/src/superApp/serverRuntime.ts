/**
 * True in a server's JavaScript runtime (Node, Deno and Bun all report `process.versions.node`)
 * with no DOM: where a module is loaded once and then serves every request of every user. Never
 * true in a browser, and never in a mini program's logic layer, which has no `process` (and no
 * `document` either, so "no DOM" alone would wrongly call it a server).
 */
export function isServerRuntime(): boolean {
  try {
    return typeof document === 'undefined' && typeof process === 'object' && !!process.versions?.node;
  } catch {
    return false;
  }
}
