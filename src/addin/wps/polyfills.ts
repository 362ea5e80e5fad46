/**
 * The WPS 加载项 pages run in WPS's embedded Chromium, whose version is unknown (the probe prints
 * it). The bundles are ES2017 syntax; these fill in the newer built-ins the engine and React use,
 * only where missing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const def = (o: object, name: string, value: unknown) => {
  if (!(name in o))
    Object.defineProperty(o, name, {
      value,
      writable: true,
      configurable: true,
      enumerable: false,
    });
};
const A = Array.prototype as any;
def(A, 'flat', function flat(this: unknown[], depth = 1): unknown[] {
  return depth < 1
    ? this.slice()
    : this.reduce<unknown[]>(
        (acc, v) => acc.concat(Array.isArray(v) ? (v as any).flat(depth - 1) : [v]),
        [],
      );
});
def(
  A,
  'flatMap',
  function flatMap(
    this: unknown[],
    f: (v: unknown, i: number, a: unknown[]) => unknown,
    t?: unknown,
  ) {
    return (this.map(f, t) as any).flat(1);
  },
);
def(A, 'at', function at(this: unknown[], i: number) {
  const n = Math.trunc(i) || 0;
  return this[n < 0 ? this.length + n : n];
});
def(
  A,
  'findLast',
  function findLast(this: unknown[], f: (v: unknown, i: number, a: unknown[]) => boolean) {
    for (let i = this.length - 1; i >= 0; i--) if (f(this[i], i, this)) return this[i];
    return undefined;
  },
);
def(
  A,
  'findLastIndex',
  function findLastIndex(this: unknown[], f: (v: unknown, i: number, a: unknown[]) => boolean) {
    for (let i = this.length - 1; i >= 0; i--) if (f(this[i], i, this)) return i;
    return -1;
  },
);
const S = String.prototype as any;
def(S, 'at', function at(this: string, i: number) {
  const n = Math.trunc(i) || 0;
  return this.charAt(n < 0 ? this.length + n : n) || undefined;
});
def(S, 'replaceAll', function replaceAll(this: string, search: string | RegExp, replacement: any) {
  if (search instanceof RegExp) return this.replace(search, replacement);
  return this.split(search).join(replacement);
});
def(S, 'trimStart', S.trimLeft);
def(S, 'trimEnd', S.trimRight);
def(Object, 'fromEntries', (entries: Iterable<[PropertyKey, unknown]>) => {
  const o: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) o[k] = v;
  return o;
});
def(Object, 'hasOwn', (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k));
def(Promise, 'allSettled', (ps: Iterable<unknown>) =>
  Promise.all(
    Array.from(ps, (p) =>
      Promise.resolve(p).then(
        (value) => ({ status: 'fulfilled', value }),
        (reason) => ({ status: 'rejected', reason }),
      ),
    ),
  ),
);
if (typeof globalThis === 'undefined') (window as any).globalThis = window;
export {};
