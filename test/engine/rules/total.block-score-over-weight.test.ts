import { testRule } from '../../helpers/ruleTester';
import type { Rows } from '../../helpers/grid';

/** Hubei 2020: block weights written in labels, 年度绩效目标(80分) over 产出指标(60分) and 效益指标(20分). */
const hubei = (a: number, b: number, c: number): Rows => [
  [
    '预算执行情况(万元)(20分)',
    null,
    null,
    '预算数(A)',
    '执行数(B)',
    '执行率(B/A)',
    '得分(20分*执行率)',
  ],
  [null, '年度财政资金总额', null, 100, 100, '100%', 20],
  [
    '年度绩效目标(80分)',
    '一级指标',
    '二级指标',
    '三级指标',
    '年初目标值(A)',
    '实际完成值(B)',
    '得分',
  ],
  [null, '产出指标(60分)', '数量指标', '企业数量', 3, 3, a],
  [null, null, '质量指标', '合格率', '90%', '95%', b],
  [null, '效益指标(20分)', '社会效益指标', '带动就业', '100人', '120人', c],
  ['总分', null, null, null, null, null, 20 + a + b + c],
];
const merges = ['A1:A2', 'A3:A6', 'B4:B5', 'A7:F7'];

testRule('total.block-score-over-weight', {
  valid: [
    { name: 'every block at its weight', base: hubei(30, 30, 20), merges },
    { name: 'a block 0.01 over (尾差)', base: hubei(30, 30, 20.01), merges },
    { name: 'under the weights', base: hubei(29, 30, 19), merges },
    { name: 'a form without weights in its labels', base: 'department' },
    {
      name: 'a wider score tolerance in the profile',
      base: hubei(30, 30, 20.02),
      merges,
      profile: { scoreTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: 'a block 0.02 over, and so the block above it',
      base: hubei(30, 30, 20.02),
      merges,
      cells: ['A3', 'B6'],
      expect: [
        { severity: 'error', expected: '≤ 80', actual: '80.02', fix: null },
        { expected: '≤ 20', actual: '20.02', fix: null },
      ],
      messages: [
        '“年度绩效目标(80分)”下各指标得分之和为 30 + 30 + 20.02 = 80.02，超过标注的 80 分，多 0.02 分。',
        '“效益指标(20分)”下各指标得分之和为 20.02 = 20.02，超过标注的 20 分，多 0.02 分。',
      ],
    },
    {
      name: 'two rows over their block',
      base: hubei(40, 30, 10),
      merges,
      cells: ['B4'],
      expect: { expected: '≤ 60', actual: '70' },
    },
    {
      name: 'a tighter score tolerance in the profile',
      base: hubei(30, 30, 20.01),
      merges,
      profile: { scoreTolerance: '0.001' },
      cells: ['A3', 'B6'],
    },
  ],
});
