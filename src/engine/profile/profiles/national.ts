import type { Profile } from '../profile';

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
