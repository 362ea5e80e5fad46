import type { Fix } from '../findings/types';
import { parseA1 } from '../grid/address';
import { noteDerived } from '../grid/derived';
import type { CellRef, GridSnapshot, RawValue } from '../grid/types';
import { fixWrite } from './write';

type Grid<T> = (T | null)[][];

/** The value stored at an absolute address of a snapshot (no merge resolution). */
export function valueAt(snapshot: GridSnapshot, ref: CellRef): RawValue {
  const v = snapshot.values[ref.row - snapshot.originRow]?.[ref.col - snapshot.originCol];
  return v === undefined ? null : v;
}

function formatAt(snapshot: GridSnapshot, ref: CellRef): string | null {
  const v = snapshot.numberFormats?.[ref.row - snapshot.originRow]?.[ref.col - snapshot.originCol];
  return v === undefined ? null : v;
}

/** What `fix` leaves in its cell: the value and number format the add-in would write. */
export function fixedCell(
  snapshot: GridSnapshot,
  fix: Fix,
): { ref: CellRef; value: RawValue; numberFormat: string | null } | null {
  const ref = parseA1(fix.cell);
  if (!ref) return null;
  const current = formatAt(snapshot, ref);
  const w = fixWrite(fix.value, { value: valueAt(snapshot, ref), numberFormat: current });
  return { ref, value: w.value, numberFormat: w.numberFormat ?? current };
}

/** A copy of the grid whose rows are copied only where they are written. */
class GridCopy<T> {
  readonly rows: Grid<T>;
  private readonly copied = new Set<number>();

  constructor(grid: Grid<T>) {
    this.rows = grid.slice();
  }

  set(i: number, j: number, v: T | null): void {
    if (!this.copied.has(i)) {
      this.rows[i] = (this.rows[i] ?? []).slice();
      this.copied.add(i);
    }
    const line = this.rows[i];
    while (line.length < j) line.push(null);
    line[j] = v;
  }
}

function emptyLike<T>(values: RawValue[][]): Grid<T> {
  return values.map((row) => new Array<T | null>(row.length).fill(null));
}

/**
 * A snapshot grown so that `refs` lie inside it (a blank cell at the edge of the used range may
 * receive a fix): rows and columns added above or to the left move the origin.
 */
function covering(snapshot: GridSnapshot, refs: CellRef[]): GridSnapshot {
  const top = Math.min(snapshot.originRow, ...refs.map((r) => r.row));
  const left = Math.min(snapshot.originCol, ...refs.map((r) => r.col));
  const bottom = Math.max(
    snapshot.originRow + snapshot.values.length - 1,
    ...refs.map((r) => r.row),
  );
  if (
    top === snapshot.originRow &&
    left === snapshot.originCol &&
    bottom === snapshot.originRow + snapshot.values.length - 1
  )
    return snapshot;
  const shiftLeft = snapshot.originCol - left;
  const grow = <T>(grid: Grid<T> | undefined): Grid<T> | undefined => {
    if (!grid) return undefined;
    const pad = new Array<T | null>(shiftLeft).fill(null);
    const out: Grid<T> = [];
    for (let r = top; r <= bottom; r++) {
      const line = r - snapshot.originRow >= 0 ? grid[r - snapshot.originRow] : undefined;
      out.push(line ? [...pad, ...line] : []);
    }
    return out;
  };
  return {
    ...snapshot,
    originRow: top,
    originCol: left,
    values: grow(snapshot.values) ?? [],
    numberFormats: grow(snapshot.numberFormats),
    texts: grow(snapshot.texts),
    formulas: grow(snapshot.formulas),
  };
}

/**
 * The snapshot as it will be once the fixes are written, as the add-in writes them
 * ("100.00%" into a blank cell: the number 1 formatted 0.00%; "299.59": the number 299.59).
 * The input is not changed. A written cell loses its formula (a value replaces it) and its
 * displayed text (the host would show the new value; the engine then reads the value and its
 * format).
 */
export function applyFixes(snapshot: GridSnapshot, fixes: Fix[]): GridSnapshot {
  const writes = fixes.flatMap((f) => {
    const ref = parseA1(f.cell);
    return ref ? [{ ref, fix: f }] : [];
  });
  if (writes.length === 0) return snapshot;
  const base = covering(
    snapshot,
    writes.map((w) => w.ref),
  );
  const values = new GridCopy<string | number | boolean>(base.values);
  const formats = new GridCopy<string>(base.numberFormats ?? emptyLike<string>(base.values));
  const texts = base.texts ? new GridCopy<string>(base.texts) : null;
  const formulas = base.formulas ? new GridCopy<string>(base.formulas) : null;
  let formatted = base.numberFormats !== undefined;
  for (const { ref, fix } of writes) {
    const current: GridSnapshot = { ...base, values: values.rows, numberFormats: formats.rows };
    const cell = fixedCell(current, fix);
    if (!cell) continue;
    const i = ref.row - base.originRow;
    const j = ref.col - base.originCol;
    values.set(i, j, cell.value);
    if (cell.numberFormat !== formatAt(current, ref)) {
      formats.set(i, j, cell.numberFormat);
      formatted = true;
    }
    texts?.set(i, j, null);
    formulas?.set(i, j, null);
  }
  const fixed: GridSnapshot = {
    ...base,
    values: values.rows as RawValue[][],
    numberFormats: formatted ? formats.rows : undefined,
    texts: texts ? texts.rows : base.texts,
    formulas: formulas ? formulas.rows : base.formulas,
  };
  noteDerived(
    fixed,
    snapshot,
    writes.map((w) => w.ref),
  );
  return fixed;
}
