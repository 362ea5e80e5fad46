import { testRule } from '../../helpers/ruleTester';

// departmentForm: F8 人员支出 295 ÷ 300 = 98.333…%; F7 基本支出 390 ÷ 400 = 97.5% exactly; F5 25 ÷ 25 = 100%.
testRule('funds.rate-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'two decimals: 98.33%', edits: { F8: '98.33%' } },
    { name: 'one decimal: 98.3%', edits: { F8: '98.3%' } },
    { name: 'a whole percent: 98%', edits: { F8: '98%' } },
    { name: 'a fraction written as a number: 0.9833', edits: { F8: 0.9833 } },
    { name: 'a percent written as a number: 98.33', edits: { F8: 98.33 } },
    { name: 'a tie at the precision shown (97.5% shown as 98%)', edits: { F7: '98%' } },
    { name: 'a tie the other way (97.5% shown as 97%)', edits: { F7: '97%' } },
    { name: '100% as 1', edits: { F5: 1 } },
    { name: '100% as 100', edits: { F5: 100 } },
    { name: 'a rate marked not applicable', edits: { F8: '－' } },
  ],
  invalid: [
    {
      name: '资金结构 合计 shown wrong: named with its group, not as a bare 合计',
      edits: { F6: '90.00%' },
      cells: ['F6'],
      message:
        /^资金结构合计执行率应为 全年执行数 490\.10 ÷ 全年预算数 505\.22 = 97\.01%，实填 90\.00%/,
    },
    {
      name: 'two decimals, 0.01 off: the formula with the form’s numbers and the fix',
      edits: { F8: '98.34%' },
      cells: ['F8'],
      firstCells: ['F8', 'E8', 'D8'],
      expect: {
        severity: 'error',
        expected: '98.33%',
        actual: '98.34%',
        fix: { cell: 'F8', value: '98.33%' },
      },
      messages: [
        '其中：人员支出执行率应为 全年执行数 295.00 ÷ 全年预算数 300.00 = 98.33%，实填 98.34%，相差 0.01 个百分点。',
      ],
    },
    {
      name: 'two decimals, 0.01 under',
      edits: { F8: '98.32%' },
      cells: ['F8'],
      expect: { expected: '98.33%', actual: '98.32%' },
    },
    {
      name: 'one decimal, 0.1 off',
      edits: { F8: '98.4%' },
      cells: ['F8'],
      expect: { expected: '98.3%', actual: '98.4%', fix: { cell: 'F8', value: '98.3%' } },
    },
    {
      name: 'a whole percent, 1 off: the gap still in two decimals',
      edits: { F8: '99%' },
      cells: ['F8'],
      expect: { expected: '98%', actual: '99%' },
      messages: [
        '其中：人员支出执行率应为 全年执行数 295.00 ÷ 全年预算数 300.00 = 98%，实填 99%，相差 0.67 个百分点。',
      ],
    },
    {
      name: 'just past the tie (97.5% shown as 96%)',
      edits: { F7: '96%' },
      cells: ['F7'],
      expect: { expected: '98%' },
    },
    {
      name: '100% shown as 99.99%',
      edits: { F5: '99.99%' },
      cells: ['F5'],
      expect: { expected: '100.00%', actual: '99.99%' },
    },
    {
      name: 'a plain number fits neither reading: the nearer one is reported',
      edits: { F8: 0.9 },
      cells: ['F8'],
      expect: { expected: '98%', actual: '90%' },
    },
    {
      name: 'the amounts changed and the rate not (97.01% → 90.00%)',
      edits: { E3: 454.7, E4: 429.7 },
      cells: ['F3', 'F4'],
      firstCells: ['F3', 'E3', 'D3'],
      message:
        '资金来源合计执行率应为 全年执行数 454.70 ÷ 全年预算数 505.22 = 90.00%，实填 97.01%，相差 7.01 个百分点。',
    },
  ],
});
