/**
 * The catalogue: every rule, one file per id (rules/<part>/<name>.ts for `<part>.<name>`), in the
 * order their findings are listed. test/engine/catalogue.test.ts checks that every file here is
 * registered, has its doc page (docs/rules/<id>.md), its test and its README row.
 */
import { formPartial } from './form/partial';
import { formAmbiguousReading } from './form/ambiguous-reading';
import { formFormulaNotComputed } from './form/formula-not-computed';
import { fundsSumMismatch } from './funds/sum-mismatch';
import { fundsBlankTotal } from './funds/blank-total';
import { fundsSourcesVsStructure } from './funds/sources-structure-mismatch';
import { fundsTextBreakdownMismatch } from './funds/text-breakdown-mismatch';
import { fundsRateMismatch } from './funds/rate-mismatch';
import { fundsRateBlank } from './funds/rate-blank';
import { fundsRateNotApplicable } from './funds/rate-not-applicable';
import { fundsRateUnreadable } from './funds/rate-unreadable';
import { fundsOverExecution } from './funds/over-execution';
import { fundsLowExecution } from './funds/low-execution';
import { fundsExecutionScore } from './funds/exec-score-mismatch';
import { fundsExecutionScoreBlank } from './funds/exec-score-blank';
import { fundsExecutionUnverifiable } from './funds/exec-score-unverifiable';
import { fundsStrayScore } from './funds/stray-score';
import { fundsUnplacedRow } from './funds/unplaced-row';
import { indicatorScoreOutOfRange } from './indicator/score-out-of-range';
import { indicatorScoreBlank } from './indicator/score-blank';
import { indicatorQuantitativeScore } from './indicator/score-mismatch';
import { indicatorCompoundScore } from './indicator/compound-score-out-of-range';
import { indicatorCoefficientMismatch } from './indicator/coefficient-mismatch';
import { indicatorCoefficientScore } from './indicator/coefficient-score-mismatch';
import { indicatorQualitativeBand } from './indicator/qualitative-band';
import { indicatorReasonMissing } from './indicator/reason-missing';
import { indicatorUnverifiable } from './indicator/unverifiable';
import { totalWeightSum } from './total/weight-sum-mismatch';
import { totalScoreSum } from './total/score-sum-mismatch';
import { totalBlockScoreOverWeight } from './total/block-score-over-weight';
import { totalScoreBlank } from './total/score-blank';
import { totalMissing } from './total/missing';
import { totalLevel1Weights } from './total/level1-weights';
import { meta as fixFollowUp } from './fix/follow-up';
import { reportAmountMismatch } from './report/amount-mismatch';
import { reportCountMismatch } from './report/count-mismatch';
import { reportItemisedSumMismatch } from './report/itemised-sum-mismatch';
import { reportRateMismatch } from './report/rate-mismatch';
import { reportTotalScoreMismatch } from './report/total-score-mismatch';
import type { NarrativeRule } from '../narrative/context';
import type { Rule, RuleMeta } from './rule';

/** Every check, in the order their findings are listed. */
export const RULES: Rule[] = [
  formPartial,
  formAmbiguousReading,
  formFormulaNotComputed,
  fundsSumMismatch,
  fundsBlankTotal,
  fundsSourcesVsStructure,
  fundsTextBreakdownMismatch,
  fundsRateMismatch,
  fundsRateBlank,
  fundsRateNotApplicable,
  fundsRateUnreadable,
  fundsOverExecution,
  fundsLowExecution,
  fundsExecutionScore,
  fundsExecutionScoreBlank,
  fundsExecutionUnverifiable,
  fundsStrayScore,
  fundsUnplacedRow,
  indicatorScoreOutOfRange,
  indicatorScoreBlank,
  indicatorQuantitativeScore,
  indicatorCompoundScore,
  indicatorCoefficientMismatch,
  indicatorCoefficientScore,
  indicatorQualitativeBand,
  indicatorReasonMissing,
  indicatorUnverifiable,
  totalWeightSum,
  totalScoreSum,
  totalBlockScoreOverWeight,
  totalScoreBlank,
  totalMissing,
  totalLevel1Weights,
];

/**
 * The 自评报告 checks (narrative/crossCheck.ts runs them): they read the narrative beside the
 * form, not the form alone, so they are not in RULES. Within a sentence their findings are listed
 * in this order.
 */
export const NARRATIVE_RULES: NarrativeRule[] = [
  reportAmountMismatch,
  reportItemisedSumMismatch,
  reportRateMismatch,
  reportTotalScoreMismatch,
  reportCountMismatch,
];

/** Their meta, in the catalogue's (the README's) order. */
export const REPORT_RULES: RuleMeta[] = [
  reportAmountMismatch,
  reportItemisedSumMismatch,
  reportCountMismatch,
  reportRateMismatch,
  reportTotalScoreMismatch,
].map((r) => r.meta);

/** Everything a finding's `rule` can be: the checks' meta, the fix plan's notes, the report's. */
export const CATALOGUE: RuleMeta[] = [...RULES.map((r) => r.meta), fixFollowUp, ...REPORT_RULES];

/** A rule's meta by id (the pane's and the result sheet's titles). */
export function ruleMeta(id: string): RuleMeta | undefined {
  return CATALOGUE.find((m) => m.id === id);
}
