import { testRule } from '../../helpers/ruleTester';

// departmentForm: D3 资金来源合计 505.22 = D4 480.22 + D5 25; D6 资金结构合计 = D7 400 + D10 105.22; D7 = D8 300 + D9 100.
testRule('funds.sum-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'off by exactly the tolerance (0.01) is 尾差', edits: { D3: 505.23, D6: 505.23 } },
    { name: 'off by the tolerance the other way (0.01 under)', edits: { D3: 505.21, E7: 390.01 } },
    { name: 'a blank 合计 is blank-total, not a mismatch', edits: { D3: null } },
    {
      name: 'a wider tolerance in the profile (0.02)',
      edits: { D3: 505.24 },
      profile: { amountTolerance: '0.02' },
    },
    { name: 'the project form', base: 'project' },
  ],
  invalid: [
    {
      name: 'a 合计 off by just over the tolerance (0.02), with the formula and the fix',
      edits: { D3: 505.24 },
      cells: ['D3'],
      expect: {
        severity: 'error',
        part: 'funds',
        expected: '505.22',
        actual: '505.24',
        fix: { cell: 'D3', value: '505.22' },
      },
      messages: [
        '资金来源合计（全年预算数）应为 （1）财政拨款 480.22 + （2）其他资金 25.00 = 505.22，实填 505.24，相差 0.02。',
      ],
    },
    {
      name: 'under by 0.02',
      edits: { E6: 490.08 },
      cells: ['E6'],
      expect: { expected: '490.10', actual: '490.08', fix: { cell: 'E6', value: '490.10' } },
      messages: [
        '资金结构合计（全年执行数）应为 （1）基本支出 390.00 + （2）项目支出 100.10 = 490.10，实填 490.08，相差 0.02。',
      ],
    },
    {
      name: '基本支出 ≠ 人员支出 + 公用支出',
      edits: { E8: 296 },
      cells: ['E7'],
      expect: { expected: '391.00' },
    },
    {
      name: 'the tolerance from the profile (0.001): 0.01 is then an error',
      edits: { D3: 505.23 },
      profile: { amountTolerance: '0.001' },
      cells: ['D3'],
    },
    {
      name: 'the project form: 年度资金总额 in 年初预算数',
      base: 'project',
      edits: { C6: 201 },
      cells: ['C6'],
      expect: { expected: '200.00', actual: '201.00', fix: { cell: 'C6', value: '200.00' } },
    },
  ],
});
