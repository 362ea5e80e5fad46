import { testRule } from '../../helpers/ruleTester';

// departmentForm: D3 资金来源合计 = D4 480.22 + D5 25; D7 基本支出 = D8 300 + D9 100.
testRule('funds.blank-total', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a 合计 that is filled (even wrongly) is not blank', edits: { D3: 1 } },
    { name: 'a blank 合计 whose parts are blank too', edits: { D3: null, D4: null, D5: null } },
    { name: 'a 合计 of 0 is filled', edits: { D3: 0 } },
  ],
  invalid: [
    {
      name: 'a blank 资金来源合计: the sum of its parts, and the fix',
      edits: { D3: null },
      cells: ['D3'],
      expect: {
        severity: 'warning',
        part: 'funds',
        expected: '505.22',
        actual: '',
        fix: { cell: 'D3', value: '505.22' },
      },
      messages: ['资金来源合计（全年预算数）未填写，应为 （1）财政拨款 + （2）其他资金 = 505.22。'],
    },
    {
      name: 'one part blank: the filled parts only',
      edits: { E7: null, E9: null },
      cells: ['E7'],
      expect: { expected: '295.00', fix: { cell: 'E7', value: '295.00' } },
      messages: ['基本支出（全年执行数）未填写，应为 其中：人员支出 = 295.00。'],
    },
    {
      name: 'a blank text 合计 (spaces only)',
      edits: { D6: '  ' },
      cells: ['D6'],
      expect: { expected: '505.22' },
    },
  ],
});
