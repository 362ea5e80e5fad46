import { fundsBlankTotal } from './funds/blankTotal';
import { fundsExecutionScore, fundsExecutionScoreBlank, fundsExecutionUnverifiable, fundsLowExecution, fundsOverExecution, fundsStrayScore } from './funds/execution';
import { fundsRateBlank, fundsRateMismatch, fundsRateNotApplicable, fundsRateUnreadable } from './funds/rate';
import { fundsSourcesVsStructure } from './funds/sourcesVsStructure';
import { fundsSumMismatch } from './funds/sumMismatch';
import { fundsTextBreakdownMismatch } from './funds/textBreakdown';
import { fundsUnplacedRow } from './funds/unplaced';
import { indicatorCoefficientMismatch, indicatorCoefficientScore } from './indicators/coefficient';
import { totalBlockScoreOverWeight } from './total/blockScore';
import { indicatorReasonMissing } from './indicators/reason';
import {
  indicatorCompoundScore,
  indicatorQualitativeBand,
  indicatorQuantitativeScore,
  indicatorScoreBlank,
  indicatorScoreOutOfRange,
  indicatorUnverifiable,
} from './indicators/score';
import { formPartial } from './form/partial';
import type { Rule } from './rule';
import { totalMissing, totalScoreBlank, totalScoreSum, totalWeightSum } from './total/sums';
import { totalLevel1Weights } from './total/weights';

/** Every rule, in the order their findings are listed. */
export const RULES: Rule[] = [
  formPartial,
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
