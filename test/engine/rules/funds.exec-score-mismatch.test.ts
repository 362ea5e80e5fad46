import { testRule } from '../../helpers/ruleTester';
import type { Rows } from '../../helpers/grid';

// departmentForm: G3 分值 10, H3 得分 9.7 = 10 × 490.1 ÷ 505.22 (97.007…%) rounded to 2 decimals.
/** Hubei 2020: no 分值 column, the weight in the label 得分(20分*执行率) (test/engine/families.test.ts). */
const hubei = (score: number, total = 80 + score): Rows => [
  [
    '预算执行情况(万元)(20分)',
    null,
    null,
    '预算数(A)',
    '执行数(B)',
    '执行率(B/A)',
    '得分(20分*执行率)',
  ],
  [null, '年度财政资金总额', null, 100, 90, '90%', score],
  [
    '年度绩效目标(80分)',
    '一级指标',
    '二级指标',
    '三级指标',
    '年初目标值(A)',
    '实际完成值(B)',
    '得分',
  ],
  [null, '产出指标(60分)', '数量指标', '企业数量', 3, 3, 60],
  [null, '效益指标(20分)', '社会效益指标', '带动就业', '100人', '120人', 20],
  ['总分', null, null, null, null, null, total],
];
const hubeiMerges = ['A1:A2', 'A3:A5', 'A6:F6'];

testRule('funds.exec-score-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: '0.01 above the recomputed score', edits: { H3: 9.71, H20: 99.71 } },
    { name: '0.01 below', edits: { H3: 9.69, H20: 99.69 } },
    { name: 'over-execution is capped at 100%: full marks', edits: { E3: 600, H3: 10, H20: 100 } },
    { name: 'a scored sub-row (Guizhou) that is right', edits: { G4: 5, H4: 4.84 } },
    { name: 'Hubei: 20 × 90% = 18', base: hubei(18), merges: hubeiMerges },
    {
      name: 'a wider score tolerance in the profile',
      edits: { H3: 9.72 },
      profile: { scoreTolerance: '0.02' },
    },
    { name: 'the project form: 10 × 95% = 9.5', base: 'project' },
  ],
  invalid: [
    {
      name: '0.02 above: the formula with the form’s numbers, and the fix',
      edits: { H3: 9.72, H20: 99.72 },
      cells: ['H3'],
      firstCells: ['H3', 'G3'],
      expect: {
        severity: 'error',
        expected: '9.7',
        actual: '9.72',
        fix: { cell: 'H3', value: '9.7' },
      },
      messages: [
        '执行率得分应为 分值 10 × min(执行率 490.10 ÷ 505.22 = 97.01%, 100%) = 9.7，实填 9.72，相差 0.02。',
      ],
    },
    {
      name: 'a second scored 合计 (资金结构) is named by its row: only the first 合计 counts in the total',
      edits: { G6: 10, H6: 9.5 },
      cells: ['H6'],
      messages: [
        '合计执行率得分应为 分值 10 × min(执行率 490.10 ÷ 505.22 = 97.01%, 100%) = 9.7，实填 9.5，相差 0.2。',
      ],
    },
    {
      name: '0.02 below',
      edits: { H3: 9.68 },
      cells: ['H3'],
      firstCells: ['H3', 'G3'],
      expect: { expected: '9.7', actual: '9.68' },
    },
    {
      name: 'over-execution: full marks, not more',
      edits: { E3: 600, E4: 575, H3: 9.5 },
      cells: ['H3'],
      expect: { expected: '10', actual: '9.5' },
      messages: [
        '执行率得分应为 分值 10 × min(执行率 600.00 ÷ 505.22 = 118.76%, 100%) = 10，实填 9.5，相差 0.5。',
      ],
    },
    {
      name: 'a scored sub-row (Guizhou) is checked on its own',
      edits: { G4: 5, H4: 4.9 },
      cells: ['H4'],
      firstCells: ['H4', 'G4'],
      expect: { expected: '4.84', actual: '4.9', fix: { cell: 'H4', value: '4.84' } },
      messages: [
        '（1）财政拨款执行率得分应为 分值 5 × min(执行率 465.10 ÷ 480.22 = 96.85%, 100%) = 4.84，实填 4.9，相差 0.06。',
      ],
    },
    {
      name: 'Hubei: the weight from the label, no 分值 cell (the 总分 already the corrected one)',
      base: hubei(20, 98),
      merges: hubeiMerges,
      cells: ['G2'],
      expect: { expected: '18', actual: '20', fix: { cell: 'G2', value: '18' } },
      messages: [
        '执行率得分应为 分值 20 × min(执行率 90.00 ÷ 100.00 = 90.00%, 100%) = 18，实填 20，相差 2。',
      ],
    },
    {
      name: 'a tighter score tolerance in the profile (0.001)',
      edits: { H3: 9.71 },
      profile: { scoreTolerance: '0.001' },
      cells: ['H3'],
      firstCells: ['H3', 'G3'],
    },
    {
      name: 'one decimal in the profile: 10 × 97.007% = 9.7, not 9.70',
      edits: { H3: 9.75 },
      profile: { scoreDecimals: 1 },
      cells: ['H3'],
      firstCells: ['H3', 'G3'],
      expect: { expected: '9.7' },
    },
    {
      name: 'three decimals in the profile: 9.701, so 9.69 is 0.011 off',
      edits: { H3: 9.69 },
      profile: { scoreDecimals: 3 },
      cells: ['H3'],
      // The message, the expected value and the fix are written at the profile's precision.
      expect: { expected: '9.701', fix: { cell: 'H3', value: '9.701' } },
      message: /= 9\.701，实填 9\.69，相差 0\.011。$/,
    },
  ],
});
