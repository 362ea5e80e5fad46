import type { SheetView } from '../grid/sheet';
import type { CellRef, RawValue } from '../grid/types';
import { type Parsed, parseAmount } from '../values/amount';
import type { Dec } from '../values/decimal';
import { parseRate, type StatedRate } from '../values/percent';

export type { CellRef } from '../grid/types';
/** Findings name cells by their A1 address; rules get it here rather than from the grid. */
export { toA1 } from '../grid/address';

/**
 * One cell of the form as the locator read it (through merges): assess/ and the rules judge
 * this, never the grid, so each cell is read and parsed once.
 */
export interface FormCell {
  /** The address read: a merged area's top-left cell. */
  ref: CellRef;
  raw: RawValue;
  numberFormat: string | null;
  /** As displayed, where the host computes it. */
  text: string | null;
  formula: string | null;
}

/** An amount, 分值 or 得分 cell, parsed. */
export interface AmountCell extends FormCell {
  parsed: Parsed<Dec>;
  /** A formula whose result the file does not carry: its value is unknown, not blank. */
  uncomputed: boolean;
}

/** A 执行率 or 得分系数 cell, parsed with its number format (0.971 shown as 97.10%). */
export interface RateCell extends FormCell {
  rate: StatedRate;
}

export function readCell(sheet: SheetView, row: number, col: number): FormCell {
  return sheet.cell(row, col);
}

export function readAmountCell(sheet: SheetView, row: number, col: number): AmountCell {
  const cell = sheet.cell(row, col);
  const parsed = parseAmount(cell.raw);
  // One literal shape for every cell (no spread): assess/ reads these on hot paths.
  return {
    ref: cell.ref,
    raw: cell.raw,
    numberFormat: cell.numberFormat,
    text: cell.text,
    formula: cell.formula,
    parsed,
    // A cached "" is a value (RULES §1.3); only a formula without any result is unknown.
    uncomputed: cell.raw === null && cell.formula !== null,
  };
}

export function readRateCell(sheet: SheetView, row: number, col: number): RateCell {
  const cell = sheet.cell(row, col);
  return {
    ref: cell.ref,
    raw: cell.raw,
    numberFormat: cell.numberFormat,
    text: cell.text,
    formula: cell.formula,
    rate: parseRate(cell.raw, cell.numberFormat, cell.text),
  };
}

/** What the uncomputed-formula checks need of a form: its sheet and the rows and columns it spans. */
interface FormArea {
  sheet: SheetView;
  range: { top: number; left: number; bottom: number; right: number };
}

/**
 * docs/rules.md#r-1-3: a formula the file carries no result for has not been computed; its value
 * is unknown, not blank (a cached "", 0 or FALSE is a value).
 */
export function isUncomputed(form: FormArea, ref: CellRef | null | undefined): boolean {
  if (!ref) return false;
  return (
    form.sheet.formulaAt(ref.row, ref.col) !== null && form.sheet.valueAt(ref.row, ref.col) === null
  );
}

/** The form's uncomputed formula cells (merged areas once, by their top-left cell), row by row. */
export function uncomputedCells(form: FormArea): CellRef[] {
  const out: CellRef[] = [];
  // Asked of every cell of the form: read the formula first, build a reference only for a hit.
  const seen = new Set<number>();
  const { sheet } = form;
  const { top, bottom, left, right } = form.range;
  for (let row = top; row <= bottom; row++)
    for (let col = left; col <= right; col++) {
      if (sheet.formulaAt(row, col) === null || sheet.valueAt(row, col) !== null) continue;
      const ref = sheet.masterOf(row, col) ?? { row, col };
      // Excel has at most 16,384 columns.
      const key = ref.row * 16384 + ref.col;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ref);
    }
  return out;
}
