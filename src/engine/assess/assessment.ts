import type { FormModel } from '../model/form';
import { valueOf } from '../values/amount';
import { type SumCheck, sumChecks } from './funds';
import { type RateRow, rateRows } from './rateRows';
import type { Profile } from '../profile/profile';
import { type Dec, sum } from '../values/decimal';
import { assessExecutionScore, type ExecutionScore } from './execution';
import { assessIndicator, type IndicatorAssessment } from './indicators';

/** Everything computed once per form: rules read it, the summary totals it. */
export interface Assessment {
  execution: ExecutionScore | null;
  sums: SumCheck[];
  rates: RateRow[];
  indicators: IndicatorAssessment[];
}

export function assess(form: FormModel, profile: Profile): Assessment {
  const execution = form.funds ? assessExecutionScore(form.sheet, form.funds, profile) : null;
  const block = form.indicators;
  const indicators = block ? block.rows.map((row) => assessIndicator(form.sheet, block, row, profile)) : [];
  const sums = form.funds ? sumChecks(form.sheet, form.funds) : [];
  const rates = form.funds ? rateRows(form.sheet, form.funds) : [];
  return { execution, sums, rates, indicators };
}

/** Rows that carry weight in the total: the execution score and every scored indicator. */
export function scoredIndicators(a: Assessment): (IndicatorAssessment & { weight: Dec })[] {
  return a.indicators.filter((i): i is IndicatorAssessment & { weight: Dec } => i.weight !== null && i.kind !== 'na' && i.kind !== 'unscored');
}

export function weightSum(a: Assessment): Dec {
  return sum([...(a.execution ? [a.execution.weight] : []), ...scoredIndicators(a).map((i) => i.weight)]);
}

export function statedScoreSum(a: Assessment): Dec {
  const values = [a.execution ? valueOf(a.execution.stated) : null, ...scoredIndicators(a).map((i) => valueOf(i.score))];
  return sum(values.filter((v): v is Dec => v !== null));
}

/** The total with recomputed scores where they exist (quantitative rows, execution), else stated. */
export function recomputedTotal(a: Assessment): Dec {
  const exec = a.execution ? a.execution.expected ?? valueOf(a.execution.stated) : null;
  const rows = scoredIndicators(a).map((i) => {
    if (i.kind === 'quantitative' || (i.kind === 'compound' && i.expected)) return i.expected as Dec;
    return valueOf(i.score);
  });
  return sum([exec, ...rows].filter((v): v is Dec => v !== null));
}
