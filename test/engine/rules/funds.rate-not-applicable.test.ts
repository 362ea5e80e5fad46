import { testRule } from '../../helpers/ruleTester';

testRule('funds.rate-not-applicable', {
  valid: [
    { name: 'the consistent form' },
    { name: 'budget 0 with “－”', edits: { D5: 0, E5: 0, F5: '－' } },
    { name: 'budget 0 with a blank rate', edits: { D5: 0, E5: 0, F5: null } },
    { name: 'the project form: 其他资金 0 with “—”', base: 'project' },
    { name: 'a budget of 0.01 is a budget', edits: { D5: 0.01, E5: 0.01 } },
  ],
  invalid: [
    {
      name: 'budget 0 with a rate',
      edits: { D5: 0, E5: 0 },
      cells: ['F5'],
      expect: { severity: 'info', expected: '－', actual: '100.00%', fix: null },
      messages: ['（2）其他资金全年预算数为 0，执行率不适用，应填“－”而不是具体比率。'],
    },
    {
      name: 'budget 0 with a number',
      edits: { D5: 0, E5: 0, F5: 0 },
      cells: ['F5'],
      expect: { actual: '0' },
    },
    {
      name: 'budget 0 with text',
      edits: { D5: 0, E5: 0, F5: '无预算' },
      cells: ['F5'],
      expect: { actual: '无预算' },
    },
  ],
});
