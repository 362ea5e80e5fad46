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
  /** Indicators that carry weight in the total (not 不适用, not unscored). */
  scored: ScoredIndicator[];
  /** Σ 分值 over the execution score and the scored indicators. */
  weightSum: Dec;
  /** Σ stated 得分 over the same rows. */
  statedScoreSum: Dec;
  /** The total with recomputed scores where they exist (quantitative rows, execution), else stated. */
  recomputedTotal: Dec;
}

export type ScoredIndicator = IndicatorAssessment & { weight: Dec };

function recomputedScore(i: ScoredIndicator): Dec | null {
  if (i.kind === 'quantitative' || (i.kind === 'compound' && i.expected)) return i.expected as Dec;
  return valueOf(i.score);
}

export function assess(form: FormModel, profile: Profile): Assessment {
  const execution = form.funds ? assessExecutionScore(form.sheet, form.funds, profile) : null;
  const block = form.indicators;
  const indicators = block ? block.rows.map((row) => assessIndicator(form.sheet, block, row, profile)) : [];
  const scored = indicators.filter((i): i is ScoredIndicator => i.weight !== null && i.kind !== 'na' && i.kind !== 'unscored');
  const present = (values: (Dec | null)[]): Dec[] => values.filter((v): v is Dec => v !== null);
  return {
    execution,
    sums: form.funds ? sumChecks(form.sheet, form.funds) : [],
    rates: form.funds ? rateRows(form.sheet, form.funds) : [],
    indicators,
    scored,
    weightSum: sum(present([execution ? execution.weight : null, ...scored.map((i) => i.weight)])),
    statedScoreSum: sum(present([execution ? valueOf(execution.stated) : null, ...scored.map((i) => valueOf(i.score))])),
    recomputedTotal: sum(present([execution ? execution.expected ?? valueOf(execution.stated) : null, ...scored.map(recomputedScore)])),
  };
}
