import type { SheetView } from '../grid/sheet';
import type { CellRef } from '../grid/types';
import type { FundsBlock, FundsRow } from '../model/form';
import type { Profile } from '../profile/profile';
import { type Parsed, parseAmount } from '../values/amount';
import { Dec, HUNDRED, minDec, ONE, round } from '../values/decimal';
import { computedPercent } from './rate';
import { effectiveAmount } from './funds';

/** The execution-rate score: the one funds row that carries 分值 and 得分. */
export interface ExecutionScore {
  row: FundsRow;
  weightCell: CellRef;
  scoreCell: CellRef;
  weight: Dec;
  stated: Parsed<Dec>;
  /** Exact rate in percent from the amounts; null when they are missing or the budget is 0. */
  percent: Dec | null;
  /** 分值 × min(执行率, 1), rounded; null when the rate cannot be computed. */
  expected: Dec | null;
  /** Why the score could not be recomputed. */
  why: string | null;
  /** Other funds rows that carry a number in 分值 or 得分 (only the total row should). */
  strayCells: CellRef[];
}

export function assessExecutionScore(sheet: SheetView, funds: FundsBlock, profile: Profile): ExecutionScore | null {
  const { weight: wc, score: sc } = funds.columns;
  if (wc === undefined || sc === undefined) return null;
  let found: ExecutionScore | null = null;
  const strayCells: CellRef[] = [];
  for (const row of funds.rows) {
    const w = parseAmount(sheet.cell(row.row, wc).raw);
    const s = parseAmount(sheet.cell(row.row, sc).raw);
    if (w.kind !== 'value') {
      if (s.kind === 'value') strayCells.push(sheet.cell(row.row, sc).ref);
      continue;
    }
    if (found) {
      strayCells.push(sheet.cell(row.row, wc).ref);
      continue;
    }
    const budget = effectiveAmount(sheet, funds, row, 'budget');
    const exec = effectiveAmount(sheet, funds, row, 'exec');
    const percent = budget && exec ? computedPercent(budget, exec) : null;
    const why = !budget || !exec ? '该行全年预算数或全年执行数为空' : percent === null ? '全年预算数为 0，执行率不适用' : null;
    const expected = percent === null ? null : round(w.value.times(minDec(percent.dividedBy(HUNDRED), ONE)), profile.scoreDecimals);
    found = { row, weightCell: sheet.cell(row.row, wc).ref, scoreCell: sheet.cell(row.row, sc).ref, weight: w.value, stated: s, percent, expected, why, strayCells };
  }
  return found;
}
