import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { FundsBlock, FundsRow } from '../model/form';
import { amountValue } from '../values/amount';
import type { Dec } from '../values/decimal';
import { parseRate, type StatedRate } from '../values/percent';
import { computedPercent } from './rate';

/** One funds row's stated amounts and rate, where both amounts are filled in. */
export interface RateRow {
  row: FundsRow;
  budgetCell: CellRef;
  execCell: CellRef;
  rateCell: CellRef | null;
  budget: Dec;
  exec: Dec;
  /** What the form calls its denominator: 全年预算数, or 年初预算数 where that is the only budget column. */
  budgetName: string;
  /** Exact 执行数 ÷ 预算数 in percent; null when the budget is 0. */
  percent: Dec | null;
  stated: StatedRate;
}

export function rateRows(sheet: SheetView, funds: FundsBlock): RateRow[] {
  const { budget: bc, exec: ec, rate: rc } = funds.columns;
  if (bc === undefined || ec === undefined) return [];
  return funds.rows.flatMap((row) => {
    const b = sheet.cell(row.row, bc);
    const e = sheet.cell(row.row, ec);
    const budget = amountValue(b.raw);
    const exec = amountValue(e.raw);
    if (budget === null || exec === null) return [];
    const rate = rc === undefined ? null : sheet.cell(row.row, rc);
    return [
      {
        row,
        budgetCell: b.ref,
        execCell: e.ref,
        rateCell: rate ? rate.ref : null,
        budget,
        exec,
        budgetName: /^年初预算/.test(funds.budgetLabel) ? '年初预算数' : '全年预算数',
        percent: computedPercent(budget, exec),
        stated: rate ? parseRate(rate.raw, rate.numberFormat, rate.text) : { kind: 'blank' },
      },
    ];
  });
}

/** A rate stated on a row whose amounts are missing: only the stated figure can be judged. */
export interface StatedOnlyRate {
  row: FundsRow;
  rateCell: CellRef;
  percent: Dec;
}

/** Rows with a stated percentage but without both amounts (Chongqing's export often leaves them out). */
export function statedOnlyRates(sheet: SheetView, funds: FundsBlock): StatedOnlyRate[] {
  const { budget: bc, exec: ec, rate: rc } = funds.columns;
  if (rc === undefined) return [];
  return funds.rows.flatMap((row) => {
    const both =
      bc !== undefined &&
      ec !== undefined &&
      amountValue(sheet.cell(row.row, bc).raw) !== null &&
      amountValue(sheet.cell(row.row, ec).raw) !== null;
    if (both) return [];
    const cell = sheet.cell(row.row, rc);
    const stated = parseRate(cell.raw, cell.numberFormat, cell.text);
    return stated.kind === 'percent' ? [{ row, rateCell: cell.ref, percent: stated.percent }] : [];
  });
}
