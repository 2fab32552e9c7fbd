/** Shows at most the first four characters of an auth code, for logs and screens: `2810…`. */
export function maskAuthCode(authCode: string): string {
  // Short codes show less, so a mask never reveals most of a code.
  return `${authCode.slice(0, Math.min(4, Math.floor(authCode.length / 2)))}…`;
}

/**
 * A deep copy of `value` with every `authCode` string masked: for anything that leaves the app,
 * such as inspector events. Errors keep their JSON form; functions and cycles are left out.
 */
export function maskAuthCodes<T>(value: T): T {
  // Only the objects on the current path: a cycle is cut, a value two fields share is kept.
  const onPath = new WeakSet<object>();
  const copyMasked = (item: object): unknown => {
    const source =
      typeof (item as { toJSON?: unknown }).toJSON === 'function'
        ? (item as { toJSON(): unknown }).toJSON()
        : item;
    if (typeof source !== 'object' || source === null) return source;
    if (Array.isArray(source)) return source.map(visit);
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(source)) {
      if (typeof field === 'function') continue;
      copy[key] = key === 'authCode' && typeof field === 'string' ? maskAuthCode(field) : visit(field);
    }
    return copy;
  };
  const visit = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null || onPath.has(item)) {
      return typeof item === 'object' && item !== null ? undefined : item;
    }
    onPath.add(item);
    const copy = copyMasked(item);
    onPath.delete(item);
    return copy;
  };
  return visit(value) as T;
}
