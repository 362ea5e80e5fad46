import { isUncomputed, type CellRef } from '../../model/cells';
import type { FormModel } from '../../model/form';

/**
 * docs/rules.md#r-1-3: a rule that reports a blank cell leaves a formula without a result to
 * form.formula-not-computed (its value is unknown, not blank).
 */
export function uncomputed(form: FormModel, ref: CellRef | null | undefined): boolean {
  return isUncomputed(form, ref);
}
