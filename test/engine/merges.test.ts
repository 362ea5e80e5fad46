import { MergeIndex, mergesOverlap } from '../../src/engine/grid/merges';
import { SheetView } from '../../src/engine/grid/sheet';
import type { CellRange } from '../../src/engine/grid/types';

/** grid/merges.ts: the overlap test and the cell index agree with the obvious pairwise answers. */
const overlapPairwise = (ms: CellRange[]) =>
  ms.some((a, i) =>
    ms.some(
      (b, j) =>
        j < i && !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right),
    ),
  );

/** A small deterministic generator: the same merges on every run. */
function randomMerges(seed: number, n: number, span: number): CellRange[] {
  let x = seed;
  const next = (k: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % k;
  };
  return Array.from({ length: n }, () => {
    const top = next(span);
    const left = next(span);
    return { top, left, bottom: top + next(3), right: left + next(3) };
  });
}

describe('merged areas', () => {
  test('overlap: as pairwise on random sets, both answers occurring', () => {
    const answers = new Set<boolean>();
    for (let seed = 1; seed <= 400; seed++) {
      const ms = randomMerges(seed, 2 + (seed % 6), 12);
      const expected = overlapPairwise(ms);
      expect(`${seed} ${mergesOverlap(ms)}`).toBe(`${seed} ${expected}`);
      answers.add(expected);
    }
    expect([...answers].sort()).toEqual([false, true]);
  });

  test('overlap: areas touching at an edge do not overlap; one shared corner does', () => {
    const a = { top: 0, left: 0, bottom: 1, right: 1 };
    expect(mergesOverlap([a, { top: 2, left: 0, bottom: 3, right: 1 }])).toBe(false);
    expect(mergesOverlap([a, { top: 0, left: 2, bottom: 1, right: 3 }])).toBe(false);
    expect(mergesOverlap([a, { top: 1, left: 1, bottom: 4, right: 4 }])).toBe(true);
    // A tall area taken first still blocks a later one lower down in its columns.
    expect(
      mergesOverlap([
        { top: 0, left: 5, bottom: 99, right: 5 },
        { top: 50, left: 0, bottom: 50, right: 9 },
      ]),
    ).toBe(true);
  });

  test('50,000 merges are checked for overlap at once (not pairwise)', () => {
    const ms = Array.from({ length: 50_000 }, (_, i) => ({
      top: i,
      left: 0,
      bottom: i,
      right: 1,
    }));
    const t = Date.now();
    expect(mergesOverlap(ms)).toBe(false);
    expect(mergesOverlap([...ms, { top: 49_999, left: 1, bottom: 49_999, right: 1 }])).toBe(true);
    // Pairwise this is 1.25 billion comparisons (seconds); at once, milliseconds.
    expect(Date.now() - t).toBeLessThan(1000);
  });

  test('index: every cell of the grid reads its area, as a scan of the areas says', () => {
    const ms = randomMerges(7, 40, 30);
    const disjoint: CellRange[] = [];
    for (const m of ms) if (!overlapPairwise([...disjoint, m])) disjoint.push(m);
    const index = new MergeIndex(disjoint, 0, 0, 31, 31);
    for (let r = 0; r <= 31; r++)
      for (let c = 0; c <= 31; c++) {
        const m = disjoint.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
        expect(index.at(r, c)).toBe(m);
        const slave = m && !(m.top === r && m.left === c);
        expect(index.masterOf(r, c)).toEqual(slave ? { row: m.top, col: m.left } : undefined);
      }
  });

  test('a merge over the whole sheet costs the grid, not the sheet', () => {
    const values = Array.from({ length: 3 }, () => ['a', 'b', 'c']);
    const view = new SheetView({
      sheetName: 'S',
      originRow: 99,
      originCol: 0,
      values,
      merges: [{ top: 99, left: 0, bottom: 1_048_575, right: 16_383 }],
    });
    expect(view.valueAt(101, 2)).toBe('a');
    expect(view.isMergeSlave(101, 2)).toBe(true);
    expect(view.mergeAt(99, 0)?.bottom).toBe(1_048_575);
  });
});
