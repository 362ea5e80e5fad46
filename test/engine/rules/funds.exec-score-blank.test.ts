import { testRule } from '../../helpers/ruleTester';

testRule('funds.exec-score-blank', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a wrong score is not blank', edits: { H3: 1 } },
    { name: 'a score of 0 is filled', edits: { H3: 0 } },
    { name: 'no 分值: nothing to score', edits: { G3: null, H3: null } },
  ],
  invalid: [
    {
      name: 'a blank score: the recomputed one, and the fix',
      edits: { H3: null },
      cells: ['H3'],
      expect: {
        severity: 'warning',
        expected: '9.7',
        actual: '',
        fix: { cell: 'H3', value: '9.7' },
      },
      messages: ['执行率得分未填写，应为 分值 10 × min(执行率, 100%) = 9.7。'],
    },
    {
      name: 'a blank score where the amounts are missing: no fix',
      edits: { H3: null, D3: null, D4: null, D5: null },
      cells: ['H3'],
      expect: { expected: null, actual: '', fix: null },
      messages: ['执行率分值为 10，得分未填写。'],
    },
    {
      name: 'a blank score on a blank 合计: summed from its parts',
      edits: { H3: null, D3: null },
      cells: ['H3'],
      expect: { expected: '9.7' },
    },
    {
      name: 'a scored sub-row (Guizhou) left blank',
      edits: { G4: 5, H4: null },
      cells: ['H4'],
      expect: { expected: '4.84', fix: { cell: 'H4', value: '4.84' } },
    },
  ],
});
