// Mini-program frameworks hand `my` to each compiled module as a parameter, and a web-view's bridge
// script defines it as a global; the bare name finds either, `globalThis.my` only the second.
declare const my: unknown;

/** The page's `my`, read when called (never at import); `undefined` where there is none. */
export function readGlobalMy(): Record<string, unknown> | undefined {
  try {
    if (typeof my === 'object' && my !== null) return my as Record<string, unknown>;
  } catch {
    // A throwing global getter: no `my` either way.
  }
}
