import { testRule } from '../../helpers/ruleTester';

testRule('funds.rate-unreadable', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a rate marked not applicable', edits: { F8: '－' } },
    { name: 'a blank rate', edits: { F8: null } },
    { name: 'a plain number', edits: { F8: 98.33 } },
    {
      name: 'text where the amounts are missing is not read as a rate',
      edits: { F8: '约九成', D8: null },
    },
  ],
  invalid: [
    {
      name: 'text that is no rate',
      edits: { F8: '约九成' },
      cells: ['F8'],
      expect: { severity: 'info', actual: '约九成', expected: null, fix: null },
      messages: ['其中：人员支出执行率“约九成”无法识别为百分比，未能核对。'],
    },
    { name: 'a boolean', edits: { F7: true }, cells: ['F7'], expect: { actual: 'true' } },
  ],
});
