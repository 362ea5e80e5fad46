/**
 * Remembers a pure function of a string: forms repeat their labels and markers on every row, and
 * the locator asks the same questions of them in several passes. At most `limit` answers are
 * kept (then forgotten at once), so a batch of thousands of workbooks stays in flat memory.
 */
export function remembered<T>(fn: (s: string) => T, limit: number): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    let v = known.get(s);
    if (v === undefined && !known.has(s)) {
      if (known.size >= limit) known.clear();
      known.set(s, (v = fn(s)));
    }
    return v as T;
  };
}
