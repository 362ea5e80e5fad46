import { testRule } from '../../helpers/ruleTester';

// departmentForm: 资金来源 480.22 + 25 = 505.22 = 资金结构 400 + 105.22 (each side counted from its parts).
testRule('funds.sources-structure-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'the sides differ by exactly the tolerance (0.01)', edits: { D4: 480.23, D3: 505.23 } },
    { name: 'the sides differ by 0.01 the other way', edits: { D4: 480.21, D3: 505.21 } },
    { name: 'the project form has one group only', base: 'project' },
    {
      name: 'a wider tolerance in the profile',
      edits: { D4: 480.24, D3: 505.24 },
      profile: { amountTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: 'the sides differ by 0.02 (each side adds up): no fix, which side is wrong is unknown',
      edits: { D4: 480.24, D3: 505.24 },
      cells: ['D6'],
      expect: { severity: 'error', expected: '505.24', actual: '505.22', fix: null },
      messages: ['资金结构合计（全年预算数）505.22 应等于资金来源合计 505.24，相差 0.02。'],
    },
    {
      name: 'the sides are counted from their parts, not the stated totals',
      edits: { E10: 90.1 },
      cells: ['E6'],
      expect: { expected: '490.10', actual: '480.10' },
      messages: ['资金结构合计（全年执行数）480.10 应等于资金来源合计 490.10，相差 10.00。'],
    },
    {
      name: 'both columns',
      edits: { D5: 26, D3: 506.22, E5: 26, E3: 491.1 },
      cells: ['D6', 'E6'],
      expect: [
        { expected: '506.22', actual: '505.22' },
        { expected: '491.10', actual: '490.10' },
      ],
    },
  ],
});
