import type { Outcome } from '../values/qualitative';

/**
 * Everything that is policy rather than arithmetic. Provinces set their own weights and
 * tolerances, so they live here and nowhere else.
 */
export interface Profile {
  id: string;
  name: string;
  /** Amounts agree within this many units of the form (尾差), e.g. "0.01" 万元. */
  amountTolerance: string;
  /** A stated score agrees with a recomputed one within this many points. */
  scoreTolerance: string;
  /** Scores are rounded to this many decimals before comparing. */
  scoreDecimals: number;
  /** An execution rate below this percent asks for a reason. */
  lowExecutionPercent: string;
  /** Qualitative bands as fractions of the weight: [lowest, highest], upper bound inclusive only for 达成. */
  qualitativeBands: Record<Outcome, { min: string; max: string; maxInclusive: boolean }>;
  /** Reverse (≤) indicators that miss their target score weight × target ÷ actual. */
  reverseFormula: 'target-over-actual';
  /** When the deviation reason must be filled in. */
  deviationReasonWhen: {
    scoreBelowWeight: boolean;
    targetMissed: boolean;
    overAchievedPercent: string;
  };
  /** Standard level-1 weights; a form that differs gets an info, not an error. */
  standardWeights: { execution: string; 产出指标: string; 效益指标: string; 满意度指标: string };
  /** The total's 分值 when the total row leaves it blank. */
  defaultTotalWeight: string;
  /** Grade bands on the total score: the first whose minimum is met. */
  grades: { name: string; min: string }[];
}

/** The national default of 财预〔2020〕10号 and 财政部预算司's grade bands. */
export const NATIONAL_PROFILE: Profile = {
  id: 'national-2020',
  name: '财预〔2020〕10号（全国通用）',
  amountTolerance: '0.01',
  scoreTolerance: '0.01',
  scoreDecimals: 2,
  lowExecutionPercent: '90',
  qualitativeBands: {
    achieved: { min: '0.8', max: '1', maxInclusive: true },
    partial: { min: '0.6', max: '0.8', maxInclusive: false },
    missed: { min: '0', max: '0.6', maxInclusive: false },
  },
  reverseFormula: 'target-over-actual',
  deviationReasonWhen: { scoreBelowWeight: true, targetMissed: true, overAchievedPercent: '130' },
  standardWeights: { execution: '10', 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
  defaultTotalWeight: '100',
  grades: [
    { name: '优', min: '90' },
    { name: '良', min: '80' },
    { name: '中', min: '60' },
    { name: '差', min: '-Infinity' },
  ],
};

/** The profile with some settings replaced (e.g. a tolerance from the command line). */
export function withOverrides(base: Profile, overrides: Partial<Profile>): Profile {
  return { ...base, ...overrides };
}
