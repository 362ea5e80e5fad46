import type { CellRange, CellRef } from './types';

/**
 * Whether two merged areas share a cell (Excel refuses such a file, and so do the readers), in
 * O(n log n): the areas in order of their top row, each column's lowest row taken so far in a
 * max segment tree. Pairwise it took seconds for 50,000 merges (issue 21).
 */
export function mergesOverlap(merges: readonly CellRange[]): boolean {
  if (merges.length < 2) return false;
  let width = 1;
  for (const m of merges) width = Math.max(width, m.right + 1);
  let size = 1;
  while (size < width) size *= 2;
  // best[n]: the lowest row taken in n's columns; tag[n]: a row taken by all of them.
  const best = new Float64Array(2 * size).fill(-1);
  const tag = new Float64Array(2 * size).fill(-1);
  const query = (n: number, lo: number, hi: number, l: number, r: number): number => {
    if (r < lo || hi < l) return -1;
    if (l <= lo && hi <= r) return best[n];
    const mid = (lo + hi) >> 1;
    return Math.max(tag[n], query(2 * n, lo, mid, l, r), query(2 * n + 1, mid + 1, hi, l, r));
  };
  const take = (n: number, lo: number, hi: number, l: number, r: number, v: number): void => {
    if (r < lo || hi < l) return;
    if (l <= lo && hi <= r) {
      best[n] = Math.max(best[n], v);
      tag[n] = Math.max(tag[n], v);
      return;
    }
    const mid = (lo + hi) >> 1;
    take(2 * n, lo, mid, l, r, v);
    take(2 * n + 1, mid + 1, hi, l, r, v);
    best[n] = Math.max(best[n], best[2 * n], best[2 * n + 1]);
  };
  const order = [...merges].sort((a, b) => a.top - b.top);
  for (const m of order) {
    // Every area taken so far starts at or above this one: it overlaps iff one reaches its top.
    if (query(1, 0, size - 1, m.left, m.right) >= m.top) return true;
    take(1, 0, size - 1, m.left, m.right, m.bottom);
  }
  return false;
}

/**
 * Which merged area covers a cell, for the cells of one grid: each row that a merge covers gets
 * one array of the grid's width (the area's index + 1, 0 for none). Areas are cut to the grid,
 * so a merge over a whole sheet (A100:XFD1048576) costs what the grid costs, not 17 billion
 * entries; cells outside the grid read as not merged (the engine reads nothing there).
 */
export class MergeIndex {
  private readonly rows = new Map<number, Int32Array>();
  private readonly masters: CellRef[];

  constructor(
    private readonly merges: readonly CellRange[],
    private readonly top: number,
    private readonly left: number,
    private readonly bottom: number,
    private readonly right: number,
  ) {
    this.masters = merges.map((m) => ({ row: m.top, col: m.left }));
    const width = right - left + 1;
    merges.forEach((m, i) => {
      const c0 = Math.max(m.left, left);
      const c1 = Math.min(m.right, right);
      if (c0 > c1) return;
      for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++) {
        let line = this.rows.get(r);
        if (!line) this.rows.set(r, (line = new Int32Array(width)));
        line.fill(i + 1, c0 - left, c1 - left + 1);
      }
    });
  }

  private index(row: number, col: number): number {
    if (col < this.left || col > this.right) return 0;
    const line = this.rows.get(row);
    return line ? line[col - this.left] : 0;
  }

  /** The merged area that covers the cell, if any. */
  at(row: number, col: number): CellRange | undefined {
    const i = this.index(row, col);
    return i ? this.merges[i - 1] : undefined;
  }

  /** The top-left cell of the area covering (row, col), when that is another cell. */
  masterOf(row: number, col: number): CellRef | undefined {
    const i = this.index(row, col);
    if (!i) return undefined;
    const m = this.masters[i - 1];
    return m.row === row && m.col === col ? undefined : m;
  }

  /** Made for these bounds: a grown copy of the sheet (a fix at its edge) needs its own. */
  fits(top: number, left: number, bottom: number, right: number): boolean {
    return this.top === top && this.left === left && this.bottom === bottom && this.right === right;
  }
}
