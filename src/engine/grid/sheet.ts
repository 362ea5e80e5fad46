import { labelText } from '../values/text';
import { MergeIndex } from './merges';
import type { CellRange, CellRef, GridSnapshot, RawValue } from './types';

/** One cell as the engine reads it: merges resolved to their top-left cell. */
export interface CellView {
  ref: CellRef;
  raw: RawValue;
  numberFormat: string | null;
  text: string | null;
  formula: string | null;
}

/**
 * Read-only view over a snapshot with absolute coordinates. A cell inside a merged area reads
 * as the area's top-left cell, so a label merged down a column (产出指标 over B16:B26) is seen
 * on every row it covers.
 */
export class SheetView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly snapshot: GridSnapshot;
  private readonly merges: MergeIndex;
  private readonly labels = new Map<number, string>();

  constructor(snapshot: GridSnapshot) {
    this.snapshot = snapshot;
    this.name = snapshot.sheetName;
    this.top = snapshot.originRow;
    this.left = snapshot.originCol;
    this.bottom = snapshot.originRow + snapshot.values.length - 1;
    const width = snapshot.values.reduce((w, row) => Math.max(w, row.length), 0);
    this.right = snapshot.originCol + width - 1;
    this.merges = mergeIndex(snapshot.merges, this.top, this.left, this.bottom, this.right);
  }

  get rowCount(): number {
    return this.bottom - this.top + 1;
  }

  /** The cell at an address, read through merges. */
  cell(row: number, col: number): CellView {
    const master = this.merges.masterOf(row, col);
    const ref = master ?? { row, col };
    return {
      ref,
      raw: this.at(this.snapshot.values, ref),
      numberFormat: this.at(this.snapshot.numberFormats, ref),
      text: this.at(this.snapshot.texts, ref),
      formula: this.at(this.snapshot.formulas, ref),
    };
  }

  /**
   * The cell's label text (through merges), computed once: the locator scans the same rows in
   * several passes.
   */
  label(row: number, col: number): string {
    const k = key(row, col);
    let l = this.labels.get(k);
    if (l === undefined) {
      const master = this.merges.masterOf(row, col);
      const raw = master
        ? this.at(this.snapshot.values, master)
        : this.at(this.snapshot.values, { row, col });
      l = typeof raw === 'string' ? labelText(raw) : '';
      this.labels.set(k, l);
    }
    return l;
  }

  /** The value at an address through merges, without building a CellView (hot loops). */
  valueAt(row: number, col: number): RawValue {
    const master = this.merges.masterOf(row, col);
    return this.at(this.snapshot.values, master ?? { row, col });
  }

  /** The raw value stored at exactly this address (no merge resolution). */
  ownValue(row: number, col: number): RawValue {
    return this.at(this.snapshot.values, { row, col });
  }

  /** True when (row, col) lies inside a merged area that is not its top-left cell. */
  isMergeSlave(row: number, col: number): boolean {
    return this.merges.masterOf(row, col) !== undefined;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.at(row, col);
  }

  private at<T>(grid: (T | null)[][] | undefined, ref: CellRef): T | null {
    if (!grid) return null;
    const line = grid[ref.row - this.top];
    if (!line) return null;
    const v = line[ref.col - this.left];
    return v === undefined ? null : v;
  }
}

/**
 * Each cell's merge, once per list of merges and grid: a sheet is viewed several times per
 * check, and the fix planner's copies of it share its merges and bounds.
 */
const MERGE_INDEX = new WeakMap<CellRange[], MergeIndex>();

function mergeIndex(
  merges: CellRange[],
  top: number,
  left: number,
  bottom: number,
  right: number,
): MergeIndex {
  let index = MERGE_INDEX.get(merges);
  if (!index || !index.fits(top, left, bottom, right)) {
    index = new MergeIndex(merges, top, left, bottom, right);
    MERGE_INDEX.set(merges, index);
  }
  return index;
}

function key(row: number, col: number): number {
  // Excel has at most 16,384 columns.
  return row * 16384 + col;
}
