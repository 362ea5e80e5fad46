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
  /** Labels by row then column (offsets from top and left): a Map keyed per cell grew by ~20,000 entries on a 2,000-row form. */
  private readonly labels: (string | undefined)[][] = [];

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
    const r = master ? master.row : row;
    const c = master ? master.col : col;
    return {
      ref: master ?? { row, col },
      raw: this.at(this.snapshot.values, r, c),
      numberFormat: this.at(this.snapshot.numberFormats, r, c),
      text: this.at(this.snapshot.texts, r, c),
      formula: this.at(this.snapshot.formulas, r, c),
    };
  }

  /**
   * The cell's label text (through merges), computed once: the locator scans the same rows in
   * several passes.
   */
  label(row: number, col: number): string {
    const line = (this.labels[row - this.top] ??= []);
    let l = line[col - this.left];
    if (l === undefined) {
      const raw = this.valueAt(row, col);
      l = typeof raw === 'string' ? labelText(raw) : '';
      line[col - this.left] = l;
    }
    return l;
  }

  /** The value at an address through merges, without building a CellView (hot loops). */
  valueAt(row: number, col: number): RawValue {
    const master = this.merges.masterOf(row, col);
    return master
      ? this.at(this.snapshot.values, master.row, master.col)
      : this.at(this.snapshot.values, row, col);
  }

  /** The formula at an address through merges, without building a CellView (hot loops). */
  formulaAt(row: number, col: number): string | null {
    const master = this.merges.masterOf(row, col);
    return master
      ? this.at(this.snapshot.formulas, master.row, master.col)
      : this.at(this.snapshot.formulas, row, col);
  }

  /** The address a read of (row, col) lands on: its merged area's top-left cell, or null for itself. */
  masterOf(row: number, col: number): CellRef | null {
    return this.merges.masterOf(row, col) ?? null;
  }

  /** The raw value stored at exactly this address (no merge resolution). */
  ownValue(row: number, col: number): RawValue {
    return this.at(this.snapshot.values, row, col);
  }

  /** True when (row, col) lies inside a merged area that is not its top-left cell. */
  isMergeSlave(row: number, col: number): boolean {
    return this.merges.masterOf(row, col) !== undefined;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.at(row, col);
  }

  private at<T>(grid: (T | null)[][] | undefined, row: number, col: number): T | null {
    if (!grid) return null;
    const line = grid[row - this.top];
    if (!line) return null;
    const v = line[col - this.left];
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
