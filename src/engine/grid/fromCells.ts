import type { CellRange, GridSnapshot, RawValue } from './types';

/** One non-empty cell as a reader found it (0-based row and column). */
export interface CellEntry {
  r: number;
  c: number;
  raw: RawValue;
  fmt: string | null;
  formula: string | null;
}

/**
 * The snapshot of a sheet from its non-empty cells, in any order: the grid spans exactly the cells
 * given (an empty sheet is an empty grid at A1). Both workbook readers build it here.
 */
export function snapshotFromCells(
  sheetName: string,
  cells: CellEntry[],
  merges: CellRange[],
): GridSnapshot {
  if (cells.length === 0) return { sheetName, originRow: 0, originCol: 0, values: [], merges };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const e of cells) {
    if (e.r < top) top = e.r;
    if (e.r > bottom) bottom = e.r;
    if (e.c < left) left = e.c;
    if (e.c > right) right = e.c;
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  // Plain loops: Array.from with a map function was a hot spot of the lean reader.
  const grid = <T>(): (T | null)[][] => {
    const rows: (T | null)[][] = [];
    for (let i = 0; i < height; i++) rows.push(new Array<T | null>(width).fill(null));
    return rows;
  };
  const values = grid<string | number | boolean>();
  const numberFormats = grid<string>();
  const formulas = grid<string>();
  for (const e of cells) {
    values[e.r - top][e.c - left] = e.raw;
    numberFormats[e.r - top][e.c - left] = e.fmt;
    formulas[e.r - top][e.c - left] = e.formula;
  }
  return { sheetName, originRow: top, originCol: left, values, numberFormats, formulas, merges };
}
