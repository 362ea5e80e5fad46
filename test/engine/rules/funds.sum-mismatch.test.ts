import { testRule } from '../../helpers/ruleTester';

// departmentForm: D3 资金来源合计 505.22 = D4 480.22 + D5 25; D6 资金结构合计 = D7 400 + D10 105.22; D7 = D8 300 + D9 100.
testRule('funds.sum-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'off by exactly the tolerance (0.01) is 尾差', edits: { D3: 505.23, D6: 505.23 } },
  ],
  invalid: [
    {
      name: 'a 合计 off by just over the tolerance (0.02), with the formula and the fix',
      edits: { D3: 505.24 },
      cells: ['D3'],
      expect: { severity: 'error', expected: '505.22', actual: '505.24', fix: { cell: 'D3', value: '505.22' } },
      message: '资金来源合计（全年预算数）应为 （1）财政拨款 480.22 + （2）其他资金 25.00 = 505.22，实填 505.24，相差 0.02。',
    },
    { name: '基本支出 ≠ 人员支出 + 公用支出', edits: { E8: 296 }, cells: ['E7'], expect: { expected: '391.00' } },
  ],
});
