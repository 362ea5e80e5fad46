import type { CellRef } from './cells';
import type { FormModel } from './form';

/** A cell of the form, for anchoring findings that belong to the form as a whole. */
export function formAnchor(form: FormModel): CellRef {
  if (form.indicators)
    return {
      row: form.indicators.headerRow,
      col: form.indicators.columns.weight ?? form.indicators.columns.score,
    };
  if (form.funds)
    return { row: form.funds.headerRow, col: form.funds.columns.budget ?? form.range.left };
  return { row: form.range.top, col: form.range.left };
}
