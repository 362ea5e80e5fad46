/**
 * Remembers a pure function of a string: forms repeat their labels and markers on every row, and
 * the locator asks the same questions of them in several passes. Answers are kept in two
 * generations of at most `limit` each: when the newer is full it becomes the older and the older
 * is forgotten; an answer found in the older is moved to the newer. So a batch of thousands of
 * workbooks stays in flat memory (at most 2 × `limit` answers), and a form with more distinct
 * texts than `limit` (20,000 rows) does not lose all it learnt at once and ask everything again
 * on its next pass, as clearing a full table did (issue 21: 20,000 rows cost 27× 2,000 rows).
 */
export function remembered<T>(fn: (s: string) => T, limit: number): (s: string) => T {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  const keep = (s: string, v: T) => {
    if (young.size >= limit) {
      old = young;
      young = new Map();
    }
    young.set(s, v);
  };
  return (s) => {
    const v = young.get(s);
    if (v !== undefined || young.has(s)) return v as T;
    if (old.has(s)) {
      const w = old.get(s) as T;
      keep(s, w);
      return w;
    }
    const w = fn(s);
    keep(s, w);
    return w;
  };
}
