import type { CellRef } from '../../model/cells';
import type { FormModel } from '../../model/form';

/**
 * docs/rules.md#r-1-3: a formula the file carries no result for has not been computed. Its value
 * is unknown, so a rule that reports a blank cell leaves it to form.formula-not-computed.
 */
export function uncomputed(form: FormModel, ref: CellRef | null | undefined): boolean {
  if (!ref) return false;
  const c = form.sheet.cell(ref.row, ref.col);
  return c.formula !== null && c.raw === null;
}
