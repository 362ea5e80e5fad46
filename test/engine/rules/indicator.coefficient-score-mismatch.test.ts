import { testRule } from '../../helpers/ruleTester';
import type { Rows } from '../../helpers/grid';

/** Chongqing: 得分系数 (H), 指标权重 (I), 指标得分 (J) (test/engine/families.test.ts). */
const chongqing = (
  target: string,
  actual: string,
  coefficient: string | number | null,
  weight: number,
  score: number | null,
): Rows => [
  [
    '部门预算执行情况（万元）',
    '年初预算数',
    '全年（调整）预算数',
    '全年执行数',
    '执行率（%）',
    '执行率权重',
    '执行率得分（分）',
  ],
  [null, 100, 100, 100, '100%', 10, 10],
  [
    '绩效指标',
    '指标名称',
    '计量单位',
    '指标性质',
    '年初指标值',
    '调整指标值',
    '全年完成值',
    '得分系数（%）',
    '指标权重（分）',
    '指标得分（分）',
  ],
  [null, '宣传活动次数', '次', '定量指标', target, null, actual, coefficient, weight, score],
];

// 30 of ≥40: 75%; 8 × 75% = 6.
testRule('indicator.coefficient-score-mismatch', {
  valid: [
    { name: '权重 × 得分系数', base: chongqing('≥40次', '30次', '75%', 8, 6) },
    { name: '0.01 above', base: chongqing('≥40次', '30次', '75%', 8, 6.01) },
    { name: '0.01 below', base: chongqing('≥40次', '30次', '75%', 8, 5.99) },
    {
      name: 'a wrong coefficient is reported by coefficient-mismatch alone',
      base: chongqing('≥40次', '30次', '76%', 8, 7),
    },
    { name: 'no coefficient', base: chongqing('≥40次', '30次', null, 8, 6) },
    { name: 'a blank score', base: chongqing('≥40次', '30次', '75%', 8, null) },
    {
      name: 'a coefficient right at its precision (67% for 66.67%): 9 × 67% = 6.03 is accepted',
      base: chongqing('≥30次', '20次', '67%', 9, 6.03),
    },
    {
      name: 'a rounded coefficient (66.67%): 9 × 66.67% = 6.0003 → 6',
      base: chongqing('≥30次', '20次', '66.67%', 9, 6),
    },
    {
      name: 'a wider score tolerance in the profile',
      base: chongqing('≥40次', '30次', '75%', 8, 6.02),
      profile: { scoreTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: '0.02 above 权重 × 得分系数',
      base: chongqing('≥40次', '30次', '75%', 8, 6.02),
      cells: ['J4'],
      expect: { severity: 'error', expected: '6', actual: '6.02', fix: null },
      messages: ['宣传活动次数：指标得分应为 指标权重 8 × 得分系数 75% = 6，实填 6.02。'],
    },
    {
      name: '0.02 below',
      base: chongqing('≥40次', '30次', '75%', 8, 5.98),
      cells: ['J4'],
      expect: { expected: '6', actual: '5.98' },
    },
    {
      name: 'the score of a met target not 权重 × 100%',
      base: chongqing('≥40次', '40次', '100%', 8, 7),
      cells: ['J4'],
      expect: { expected: '8', actual: '7' },
    },
    {
      name: 'a tighter score tolerance in the profile',
      base: chongqing('≥40次', '30次', '75%', 8, 6.01),
      profile: { scoreTolerance: '0.001' },
      cells: ['J4'],
    },
  ],
});
