import { testRule } from '../../helpers/ruleTester';

// departmentForm: Σ 得分 = 执行率 9.7 + 绩效指标 90 = 99.7 = H20.
testRule('total.score-sum-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'the total 0.01 over', edits: { H20: 99.71 } },
    { name: 'the total 0.01 under', edits: { H20: 99.69 } },
    { name: 'a blank total is score-blank', edits: { H20: null } },
    {
      name: 'a wider score tolerance in the profile',
      edits: { H20: 99.72 },
      profile: { scoreTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: 'the total 0.02 over, with the sum and the fix',
      edits: { H20: 99.72 },
      cells: ['H20'],
      expect: {
        severity: 'error',
        expected: '99.7',
        actual: '99.72',
        fix: { cell: 'H20', value: '99.7' },
      },
      messages: ['各项得分之和为 99.7（执行率 9.7 + 绩效指标 90），总分得分填 99.72，相差 0.02。'],
    },
    {
      name: 'a scored sub-row (Guizhou) is checked, not added again',
      edits: { G4: 5, H4: 4.84, H20: 99.72 },
      cells: ['H20'],
      messages: ['各项得分之和为 99.7（执行率 9.7 + 绩效指标 90），总分得分填 99.72，相差 0.02。'],
    },
    {
      name: 'no execution score',
      edits: { G3: null, H3: null, H20: 90.02 },
      cells: ['H20'],
      messages: ['各项得分之和为 90（绩效指标 90），总分得分填 90.02，相差 0.02。'],
    },
    {
      name: 'the total 0.02 under',
      edits: { H20: 99.68 },
      cells: ['H20'],
      expect: { expected: '99.7', actual: '99.68' },
    },
    {
      name: 'a score missing: no fix',
      edits: { H13: null },
      cells: ['H20'],
      expect: { fix: null },
    },
    {
      name: 'the weights do not add up: no fix',
      edits: { G13: 21, H20: 99 },
      cells: ['H20'],
      expect: { fix: null },
    },
    {
      name: 'a tighter score tolerance in the profile',
      edits: { H20: 99.71 },
      profile: { scoreTolerance: '0.001' },
      cells: ['H20'],
    },
    {
      name: 'the project form',
      base: 'project',
      edits: { H17: 100 },
      cells: ['H17'],
      expect: { expected: '99.5', fix: { cell: 'H17', value: '99.5' } },
      messages: ['各项得分之和为 99.5（执行率 9.5 + 绩效指标 90），总分得分填 100，相差 0.5。'],
    },
  ],
});
