import type { CellRef } from './cells';
import type { FormModel } from './form';
import type { IndicatorColumnRole } from './roles';

/** The column a finding about the indicator block as a whole is marked in: 分值, 得分, or the target. */
export function indicatorAnchorCol(
  columns: Partial<Record<IndicatorColumnRole, number>>,
  left: number,
): number {
  return columns.weight ?? columns.score ?? columns.target ?? columns.actual ?? left;
}

/** A cell of the form, for anchoring findings that belong to the form as a whole. */
export function formAnchor(form: FormModel): CellRef {
  if (form.indicators)
    return {
      row: form.indicators.headerRow,
      col: indicatorAnchorCol(form.indicators.columns, form.range.left),
    };
  if (form.funds)
    return { row: form.funds.headerRow, col: form.funds.columns.budget ?? form.range.left };
  return { row: form.range.top, col: form.range.left };
}
