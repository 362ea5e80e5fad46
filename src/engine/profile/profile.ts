import type { Outcome } from '../values/qualitative';

/**
 * Everything that is policy rather than arithmetic. Provinces set their own weights and
 * tolerances, so they live here and nowhere else.
 */
export interface Profile {
  id: string;
  name: string;
  /** Where its settings come from, in a few words (each setting's source: docs/rules.md §7.3). */
  source: string;
  /** The template families (docs/rules.md §1.1) this profile expects: test/fixtures/real's family ids. */
  families: string[];
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
  /**
   * Standard level-1 weights; a form that differs gets an info, not an error. Null where the
   * province prints none (the split is the project's own); `indicators` is the indicators' whole
   * share where it is printed instead (四川 0013zp: 绩效指标(90分)).
   */
  standardWeights: {
    execution: string;
    产出指标: string | null;
    效益指标: string | null;
    满意度指标: string | null;
    indicators?: string | null;
  };
  /** The total's 分值 when the total row leaves it blank. */
  defaultTotalWeight: string;
  /** Grade bands on the total score: the first whose minimum is met. */
  grades: { name: string; min: string }[];
}

export { NATIONAL_PROFILE } from './profiles/national';

/** The profile with some settings replaced (e.g. a tolerance from the command line). */
export function withOverrides(base: Profile, overrides: Partial<Profile>): Profile {
  return { ...base, ...overrides };
}
