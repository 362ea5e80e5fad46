import { testRule } from '../../helpers/ruleTester';
import type { Rows } from '../../helpers/grid';

/** A Hunan county form: the 资金 breakdown written as text in merged cells (test/engine/families.test.ts). */
const hunan = (sources: string, structure: string, project = '项目支出:50'): Rows => [
  [
    '年度预算申请（万元）',
    null,
    null,
    '年初预算数',
    '全年预算数',
    '全年执行数',
    '分值',
    '执行率',
    '自评得分',
  ],
  [null, '年度资金总额', null, 100, 120, 120, 10, '100%', 10],
  [null, sources, null, null, null, structure, null, null, null],
  [null, '其中: 一般公共预算:100', null, null, null, '其中:基本支出:70', null, null, null],
  [null, '其他资金:20', null, null, null, project, null, null, null],
];
const merges = ['A1:A5', 'B2:C2', 'B3:E3', 'F3:I3', 'B4:E4', 'F4:I4', 'B5:E5', 'F5:I5'];

testRule('funds.text-breakdown-mismatch', {
  valid: [
    { name: 'a consistent breakdown', base: hunan('按收入性质分:120', '按支出性质分:120'), merges },
    {
      name: 'headings off by exactly the tolerance (0.01)',
      base: hunan('按收入性质分:120.01', '按支出性质分:120', '项目支出:50.01'),
      merges,
    },
    {
      name: 'a heading without a figure is not checked',
      base: hunan('按收入性质分', '按支出性质分'),
      merges,
    },
    { name: 'a department form has no text breakdown' },
  ],
  invalid: [
    {
      name: 'a heading off by 0.02 from its parts, and so from the other side',
      base: hunan('按收入性质分:120.02', '按支出性质分:120'),
      merges,
      cells: ['B3', 'F3'],
      expect: [
        { severity: 'error', expected: '120.00', actual: '120.02', fix: null },
        { expected: '120.02', actual: '120.00', fix: null },
      ],
      messages: [
        '按收入性质分 120.02 应为 一般公共预算 100.00 + 其他资金 20.00 = 120.00，相差 0.02。',
        '按支出性质分 120.00（资金结构）应等于按收入性质分 120.02（资金来源），相差 0.02。',
      ],
    },
    {
      name: 'each side adds up, but the sides differ',
      base: hunan('按收入性质分:120', '按支出性质分:110', '项目支出:40'),
      merges,
      cells: ['F3'],
      expect: { expected: '120.00', actual: '110.00' },
    },
    {
      name: 'the structure heading is not the sum of its parts',
      base: hunan('按收入性质分:120', '按支出性质分:120', '项目支出:40'),
      merges,
      cells: ['F3'],
      expect: { expected: '110.00', actual: '120.00' },
    },
  ],
});
