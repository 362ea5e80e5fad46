import type { FormModel } from '../model/form';
import { type Parsed, valueOf } from '../values/amount';
import { disputedTotals, type SumCheck, sumChecks } from './funds';
import { type RateRow, rateRows, type StatedOnlyRate, statedOnlyRates } from './rateRows';
import type { Profile } from '../profile/profile';
import { Dec, sum } from '../values/decimal';
import { limitsOf } from '../profile/limits';
import { assessExecutionScores, type ExecutionScore } from './execution';
import { assessIndicator, type IndicatorAssessment, outOfRange, recomputed } from './indicators';
import type { CellRef } from '../model/cells';

/** Everything computed once per form: rules read it, the summary totals it. */
export interface Assessment {
  /** The execution-rate scores: usually one (the 合计 row); Guizhou scores sub-rows too. */
  execution: ExecutionScore[];
  /** Funds rows with a 得分 but no 分值. */
  strayScoreCells: CellRef[];
  sums: SumCheck[];
  rates: RateRow[];
  /** Rates stated where the amounts are missing. */
  statedOnlyRates: StatedOnlyRate[];
  indicators: IndicatorAssessment[];
  /** Indicators that count in the total (not 不适用, not unscored). */
  scored: IndicatorAssessment[];
  /** False when the form has no 分值 column (Hubei 2020): Σ 分值 cannot be checked. */
  weightKnown: boolean;
  /** Σ 分值 over the execution score and the scored indicators. */
  weightSum: Dec;
  /** Σ stated 得分 over the same rows. */
  statedScoreSum: Dec;
  /** The total with recomputed scores where they exist (quantitative rows, execution), else stated. */
  recomputedTotal: Dec;
  /** The 总分 row's 分值 as stated, and as counted (the profile's default when blank); null without a total. */
  totalWeight: { parsed: Parsed<Dec>; value: Dec } | null;
  /** The 总分 row's 得分 as stated; null without a total. */
  totalScore: Parsed<Dec> | null;
  /** Σ 分值 agrees with the total's 分值 (and the form has a 分值 column). */
  weightsAddUp: boolean;
  /** Every counted row states a score within its range: only then is Σ 得分 a safe total to offer as a fix. */
  allScoresStated: boolean;
  /** Rows of 合计 in dispute (资金来源 ≠ 资金结构): no fix is computed from them. */
  disputedRows: Set<number>;
}

export function assess(form: FormModel, profile: Profile): Assessment {
  const exec = form.funds
    ? assessExecutionScores(form.funds, profile)
    : { scores: [], strayCells: [] };
  const block = form.indicators;
  const indicators = block ? block.rows.map((row) => assessIndicator(row, profile)) : [];
  const weightKnown = !block || block.columns.weight !== undefined;
  const scored = indicators.filter(
    (i) =>
      i.kind !== 'na' &&
      i.kind !== 'unscored' &&
      (i.weight !== null || (!weightKnown && i.score.kind === 'value')),
  );
  const counted = exec.scores.filter((e) => e.inSum);
  const present = (values: (Dec | null)[]): Dec[] => values.filter((v): v is Dec => v !== null);
  const weightSum = sum(present([...counted.map((e) => e.weight), ...scored.map((i) => i.weight)]));
  const total = form.total;
  const weightParsed: Parsed<Dec> | null = total
    ? (total.weight?.parsed ?? { kind: 'blank' })
    : null;
  const totalWeight = weightParsed
    ? {
        parsed: weightParsed,
        value:
          weightParsed.kind === 'value' ? weightParsed.value : new Dec(profile.defaultTotalWeight),
      }
    : null;
  return {
    execution: exec.scores,
    strayScoreCells: exec.strayCells,
    sums: form.funds ? sumChecks(form.funds) : [],
    rates: form.funds ? rateRows(form.funds) : [],
    statedOnlyRates: form.funds ? statedOnlyRates(form.funds) : [],
    indicators,
    scored,
    weightKnown,
    weightSum,
    statedScoreSum: sum(
      present([...counted.map((e) => valueOf(e.stated)), ...scored.map((i) => valueOf(i.score))]),
    ),
    recomputedTotal: sum(
      present([
        ...counted.map((e) => e.expected ?? valueOf(e.stated)),
        ...scored.map((i) => recomputed(i) ?? valueOf(i.score)),
      ]),
    ),
    totalWeight,
    totalScore: total ? total.score.parsed : null,
    weightsAddUp:
      weightKnown &&
      totalWeight !== null &&
      weightSum.minus(totalWeight.value).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance),
    allScoresStated:
      scored.every((i) => i.score.kind === 'value' && !outOfRange(i)) &&
      counted.every((e) => e.stated.kind === 'value'),
    disputedRows: form.funds
      ? disputedTotals(form.funds, limitsOf(profile).amountTolerance)
      : new Set(),
  };
}
