import { testRule } from '../../helpers/ruleTester';

testRule('funds.rate-blank', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a rate marked not applicable', edits: { F8: '－' } },
    { name: 'a blank rate where the budget is missing', edits: { F8: null, D8: null } },
    { name: 'a blank rate where the budget is 0', edits: { F5: null, D5: 0, E5: 0 } },
    { name: 'the project form', base: 'project' },
  ],
  invalid: [
    {
      name: 'a blank rate: the formula, two decimals, and the fix',
      edits: { F8: null },
      cells: ['F8'],
      expect: {
        severity: 'warning',
        expected: '98.33%',
        actual: '',
        fix: { cell: 'F8', value: '98.33%' },
      },
      messages: [
        '其中：人员支出执行率未填写，应为 全年执行数 295.00 ÷ 全年预算数 300.00 = 98.33%。',
      ],
    },
    {
      name: 'a rate of spaces only',
      edits: { F7: '  ' },
      cells: ['F7'],
      expect: { expected: '97.50%', fix: { cell: 'F7', value: '97.50%' } },
    },
    {
      name: 'rounded half up at two decimals (2 ÷ 3 = 66.67%)',
      edits: { D9: 150, E9: 100, F9: null },
      cells: ['F9'],
      expect: { expected: '66.67%' },
    },
    {
      name: 'a blank rate on 资金来源 合计: the message says which 合计',
      edits: { F3: null },
      cells: ['F3'],
      messages: ['资金来源合计执行率未填写，应为 全年执行数 490.10 ÷ 全年预算数 505.22 = 97.01%。'],
    },
    {
      name: 'a blank rate on 资金结构 合计: the message says which 合计',
      edits: { F6: null },
      cells: ['F6'],
      messages: ['资金结构合计执行率未填写，应为 全年执行数 490.10 ÷ 全年预算数 505.22 = 97.01%。'],
    },
  ],
});
