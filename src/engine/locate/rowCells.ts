import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import { readAmountCell, readCell, readRateCell } from '../model/cells';
import type { FundsRowCells, IndicatorRowCells, TotalRow } from '../model/form';
import type { FundsColumnRole, IndicatorColumnRole } from '../model/roles';

type Columns<R extends string> = Partial<Record<R, number>>;

const FUNDS_AMOUNT_ROLES = ['initialBudget', 'budget', 'exec', 'weight', 'score'] as const;

/** A funds row's cells, read once where the locator places the row. */
export function fundsRowCells(
  sheet: SheetView,
  row: number,
  columns: Columns<FundsColumnRole>,
): FundsRowCells {
  const cells: FundsRowCells = {};
  for (const role of FUNDS_AMOUNT_ROLES) {
    const c = columns[role];
    if (c !== undefined) cells[role] = readAmountCell(sheet, row, c);
  }
  if (columns.rate !== undefined) cells.rate = readRateCell(sheet, row, columns.rate);
  return cells;
}

/**
 * An indicator row's cells, read once where the locator takes the row as an indicator. One
 * object literal of fixed shape (absent columns as undefined): a 2,000-row form builds 2,000 of
 * them, and objects grown key by key were twice as slow to read in assess/.
 */
export function indicatorRowCells(
  sheet: SheetView,
  row: number,
  columns: Columns<IndicatorColumnRole>,
): IndicatorRowCells {
  const text = (c: number | undefined) => (c === undefined ? undefined : readCell(sheet, row, c));
  const { weight, score, coefficient } = columns;
  return {
    target: text(columns.target),
    adjustedTarget: text(columns.adjustedTarget),
    actual: text(columns.actual),
    reason: text(columns.reason),
    nature: text(columns.nature),
    unit: text(columns.unit),
    weight: weight === undefined ? undefined : readAmountCell(sheet, row, weight),
    score: score === undefined ? undefined : readAmountCell(sheet, row, score),
    coefficient: coefficient === undefined ? undefined : readRateCell(sheet, row, coefficient),
  };
}

/** The 总分 row with its 分值 and 得分 read once (assess, the rules and the report all use them). */
export function totalRow(
  sheet: SheetView,
  row: number,
  labelCell: CellRef,
  weightCell: CellRef | null,
  scoreCell: CellRef,
): TotalRow {
  return {
    row,
    labelCell,
    weightCell,
    scoreCell,
    weight: weightCell ? readAmountCell(sheet, weightCell.row, weightCell.col) : null,
    score: readAmountCell(sheet, scoreCell.row, scoreCell.col),
  };
}
