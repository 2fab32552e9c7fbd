/** Splits a setData key such as `root.cn.[0].v`, `list[2].name` or `a.b` into its steps. */
export function parsePath(key: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const part of key.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      steps.push(part);
      continue;
    }
    if (match[1]) steps.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** Applies one setData payload the way the hosts do: each key is a path; the value replaces what is there. */
export function applySetData(data: Record<string, unknown>, changes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(changes)) {
    const steps = parsePath(key);
    let node: Record<string | number, unknown> = data;
    for (let index = 0; index < steps.length - 1; index++) {
      const step = steps[index]!;
      const next = node[step];
      if (typeof next !== 'object' || next === null) {
        node[step] = typeof steps[index + 1] === 'number' ? [] : {};
      }
      node = node[step] as Record<string | number, unknown>;
    }
    // The render layer gets a copy: later changes to the value do not reach the view without setData.
    node[steps.at(-1)!] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}
