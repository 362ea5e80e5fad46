import type { FormModel } from '../../model/form';
import type { Profile } from '../../profile/profile';
import { Dec } from '../../values/decimal';

/**
 * The largest execution weight a province gives (湖北 2020: 20 of 100); the national default is 10.
 * A form's tail can hide no more than that.
 */
const LARGEST_EXECUTION_WEIGHT = new Dec(20);

/**
 * docs/rules.md#r-1-2: a form read without its 资金 block (the tail of a form published below
 * another) has its execution weight and score out of view, so a Σ short of the total by at most
 * an execution weight proves nothing. Short by more, the indicators themselves do not add up.
 */
export function hiddenExecution(form: FormModel, profile: Profile, shortBy: Dec): boolean {
  if (form.funds || !shortBy.greaterThan(0)) return false;
  const ceiling = Dec.max(LARGEST_EXECUTION_WEIGHT, new Dec(profile.standardWeights.execution));
  return shortBy.lessThanOrEqualTo(ceiling);
}
