import type { CellRef } from '../model/cells';
import type { FundsBlock, FundsRow } from '../model/form';
import { valueOf } from '../values/amount';
import type { Dec } from '../values/decimal';
import type { StatedRate } from '../values/percent';
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

export function rateRows(funds: FundsBlock): RateRow[] {
  return funds.rows.flatMap((row) => {
    const { budget: b, exec: e, rate } = row.cells;
    const budget = b ? valueOf(b.parsed) : null;
    const exec = e ? valueOf(e.parsed) : null;
    if (!b || !e || budget === null || exec === null) return [];
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
        stated: rate ? rate.rate : { kind: 'blank' },
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
export function statedOnlyRates(funds: FundsBlock): StatedOnlyRate[] {
  return funds.rows.flatMap((row) => {
    const { budget, exec, rate } = row.cells;
    if (!rate) return [];
    const both =
      budget !== undefined &&
      exec !== undefined &&
      valueOf(budget.parsed) !== null &&
      valueOf(exec.parsed) !== null;
    if (both) return [];
    const stated = rate.rate;
    return stated.kind === 'percent' ? [{ row, rateCell: rate.ref, percent: stated.percent }] : [];
  });
}
