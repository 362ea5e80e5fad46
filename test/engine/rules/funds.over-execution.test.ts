import { testRule } from '../../helpers/ruleTester';

// departmentForm: D5 其他资金 25, E5 25.
testRule('funds.over-execution', {
  valid: [
    { name: 'the consistent form (执行数 = 预算数 on 其他资金)' },
    { name: 'over by exactly the tolerance (0.01)', edits: { E5: 25.01 } },
    { name: 'under the budget', edits: { E5: 24.99 } },
    {
      name: 'a wider tolerance in the profile',
      edits: { E5: 25.02 },
      profile: { amountTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: 'over by just more than the tolerance (0.02)',
      edits: { E5: 25.02 },
      cells: ['E5'],
      firstCells: ['E5', 'D5'],
      expect: { severity: 'warning', expected: '≤ 25.00', actual: '25.02', fix: null },
      messages: ['（2）其他资金全年执行数 25.02 超过全年预算数 25.00，超出 0.02，请说明原因。'],
    },
    {
      name: 'a tighter tolerance in the profile (0.001)',
      edits: { E5: 25.01 },
      profile: { amountTolerance: '0.001' },
      cells: ['E5'],
    },
    {
      name: 'the project form, 年度资金总额',
      base: 'project',
      edits: { E6: 210 },
      cells: ['E6'],
      firstCells: ['E6', 'D6'],
      expect: { expected: '≤ 200.00', actual: '210.00' },
    },
  ],
});
