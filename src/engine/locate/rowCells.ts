import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import { readAmountCell, readCell, readRateCell } from '../model/cells';
import type {
  FundsColumnRole,
  FundsRowCells,
  IndicatorColumnRole,
  IndicatorRowCells,
  TotalRow,
} from '../model/form';

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

const INDICATOR_TEXT_ROLES = [
  'level1',
  'level2',
  'level3',
  'target',
  'adjustedTarget',
  'actual',
  'reason',
  'nature',
  'unit',
] as const satisfies readonly Exclude<IndicatorColumnRole, 'weight' | 'score' | 'coefficient'>[];

/** An indicator row's cells, read once where the locator takes the row as an indicator. */
export function indicatorRowCells(
  sheet: SheetView,
  row: number,
  columns: Columns<IndicatorColumnRole> & { score: number },
): IndicatorRowCells {
  const cells: IndicatorRowCells = { score: readAmountCell(sheet, row, columns.score) };
  for (const role of INDICATOR_TEXT_ROLES) {
    const c = columns[role];
    if (c !== undefined) cells[role] = readCell(sheet, row, c);
  }
  if (columns.weight !== undefined) cells.weight = readAmountCell(sheet, row, columns.weight);
  if (columns.coefficient !== undefined)
    cells.coefficient = readRateCell(sheet, row, columns.coefficient);
  return cells;
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
