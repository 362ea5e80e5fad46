import { testRule } from '../../helpers/ruleTester';

// departmentForm: Σ 分值 = 执行率 10 + 绩效指标 90 = 100 = G20.
testRule('total.weight-sum-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'the total 0.01 over', edits: { G20: 100.01 } },
    { name: 'the total 0.01 under', edits: { G20: 99.99 } },
    { name: 'a blank total counts as the profile’s 100', edits: { G20: null } },
    {
      name: 'a blank total with another default in the profile',
      edits: { G20: null, G13: 21 },
      profile: { defaultTotalWeight: '101' },
    },
    {
      name: 'a wider score tolerance in the profile',
      edits: { G20: 100.02 },
      profile: { scoreTolerance: '0.02' },
    },
  ],
  invalid: [
    {
      name: 'the total 0.02 over: no fix (which weight is wrong is unknown)',
      edits: { G20: 100.02 },
      cells: ['G20'],
      expect: { severity: 'error', expected: '100.02', actual: '100', fix: null },
      messages: ['各项分值之和为 100（执行率 10 + 绩效指标 90），总分分值为 100.02，相差 0.02。'],
    },
    {
      name: 'an indicator weight off with the total blank (counted as 100)',
      edits: { G20: null, G13: 21 },
      cells: ['G20'],
      expect: { expected: '100', actual: '101' },
      messages: [
        '各项分值之和为 101（执行率 10 + 绩效指标 91），总分分值未填，按 100 计，相差 1。',
      ],
    },
    {
      name: 'a scored sub-row (Guizhou) is not added again',
      edits: { G4: 5, H4: 4.84, G20: 100.02 },
      cells: ['G20'],
      messages: ['各项分值之和为 100（执行率 10 + 绩效指标 90），总分分值为 100.02，相差 0.02。'],
    },
    {
      name: 'no execution score',
      edits: { G3: null, H3: null },
      cells: ['G20'],
      messages: ['各项分值之和为 90（绩效指标 90），总分分值为 100，相差 10。'],
    },
    {
      name: 'a blank total and a profile default of 99',
      edits: { G20: null },
      profile: { defaultTotalWeight: '99' },
      cells: ['G20'],
      expect: { expected: '99', actual: '100' },
    },
    {
      name: 'the project form',
      base: 'project',
      edits: { G17: 90 },
      cells: ['G17'],
      messages: ['各项分值之和为 100（执行率 10 + 绩效指标 90），总分分值为 90，相差 10。'],
    },
  ],
});
