import { testRule } from '../../helpers/ruleTester';

testRule('total.score-blank', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a wrong total is not blank', edits: { H20: 1 } },
    { name: 'a total of 0 is filled', edits: { H20: 0 } },
  ],
  invalid: [
    {
      name: 'a blank total: Σ 得分 and the fix',
      edits: { H20: null },
      cells: ['H20'],
      expect: {
        severity: 'warning',
        expected: '99.7',
        actual: '',
        fix: { cell: 'H20', value: '99.7' },
      },
      messages: ['总分得分未填写，各项得分之和为 99.7。'],
    },
    {
      name: 'a score missing too: no fix',
      edits: { H20: null, H13: null },
      cells: ['H20'],
      expect: { expected: '79.7', fix: null },
    },
    {
      name: 'the weights do not add up: no fix',
      edits: { H20: null, G13: 21 },
      cells: ['H20'],
      expect: { fix: null },
    },
  ],
});
