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

// The national profile lives beside its type: every other profile overrides it (profiles/*.ts).
/** The national default of 财预〔2020〕10号 and 财政部预算司's grade bands (docs/rules.md §7.3). */
export const NATIONAL_PROFILE: Profile = {
  id: 'national-2020',
  name: '财预〔2020〕10号（全国通用）',
  source:
    '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）及其自评表填表说明；财政部预算司等级划分',
  families: [
    'mof-project',
    'hunan-department',
    'guizhou-department',
    'ningxia-project',
    'sichuan-local',
    'yunnan',
    'jiangxi-department',
  ],
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
  standardWeights: {
    execution: '10',
    产出指标: '50',
    效益指标: '30',
    满意度指标: '10',
    indicators: null,
  },
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
