import { testRule } from '../../helpers/ruleTester';
import type { Rows } from '../../helpers/grid';

/** Chongqing: 得分系数 (H), 指标权重 (I), 指标得分 (J) (test/engine/families.test.ts). */
const chongqing = (
  target: string,
  actual: string,
  coefficient: string | number | null,
  weight: number,
  score: number,
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

// 20 of ≥30: 66.666…%.
testRule('indicator.coefficient-mismatch', {
  valid: [
    {
      name: 'the ratio at two decimals (30 of 40 = 75%)',
      base: chongqing('≥40次', '30次', '75%', 8, 6),
    },
    { name: '75.00%', base: chongqing('≥40次', '30次', '75.00%', 8, 6) },
    { name: '66.67% for 66.666…%', base: chongqing('≥30次', '20次', '66.67%', 9, 6) },
    { name: '66.7% at one decimal', base: chongqing('≥30次', '20次', '66.7%', 9, 6) },
    { name: '67% at no decimals', base: chongqing('≥30次', '20次', '67%', 9, 6) },
    { name: 'a fraction: 0.75', base: chongqing('≥40次', '30次', 0.75, 8, 6) },
    { name: 'a target met: 100%', base: chongqing('≥40次', '40次', '100%', 8, 8) },
    { name: 'a blank coefficient is not checked', base: chongqing('≥40次', '30次', null, 8, 6) },
    {
      name: 'a reverse target missed: 40 ÷ 50 = 80%',
      base: chongqing('≤40次', '50次', '80%', 10, 8),
    },
  ],
  invalid: [
    {
      name: 'a whole percent 1 off, with the formula and the fix',
      base: chongqing('≥40次', '30次', '76%', 8, 6),
      cells: ['H4'],
      firstCells: ['H4', 'J4'],
      expect: {
        severity: 'error',
        expected: '75.00%',
        actual: '76%',
        fix: { cell: 'H4', value: '75.00%' },
      },
      messages: [
        '宣传活动次数：目标 ≥40次，完成 30次，得分系数应为 完成 30 ÷ 目标 40 = 75.00%，实填 76%。',
      ],
    },
    {
      name: '66.66% is 0.01 off at two decimals',
      base: chongqing('≥30次', '20次', '66.66%', 9, 6),
      cells: ['H4'],
      firstCells: ['H4', 'J4'],
      expect: { expected: '66.67%', actual: '66.66%' },
    },
    {
      name: '66.6% is 0.1 off at one decimal',
      base: chongqing('≥30次', '20次', '66.6%', 9, 6),
      cells: ['H4'],
      firstCells: ['H4', 'J4'],
      expect: { expected: '66.67%', actual: '66.6%' },
    },
    {
      name: 'a target met with a coefficient under 100%',
      base: chongqing('≥40次', '40次', '90%', 8, 8),
      cells: ['H4'],
      firstCells: ['H4', 'J4'],
      expect: { expected: '100.00%', actual: '90%' },
      messages: [
        '宣传活动次数：目标 ≥40次，完成 40次，得分系数应为 100%（已完成目标），实填 90%。',
      ],
    },
    {
      name: 'a reverse target: 目标 ÷ 完成',
      base: chongqing('≤40次', '50次', '100%', 10, 8),
      cells: ['H4'],
      firstCells: ['H4', 'J4'],
      expect: { expected: '80.00%' },
      messages: [
        '宣传活动次数：目标 ≤40次，完成 50次，得分系数应为 目标 40 ÷ 完成 50 = 80.00%，实填 100%。',
      ],
    },
  ],
});
