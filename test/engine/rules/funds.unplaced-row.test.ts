import { testRule } from '../../helpers/ruleTester';

testRule('funds.unplaced-row', {
  valid: [
    { name: 'the consistent form' },
    {
      name: 'an unfamiliar 其中 line is a part of its group',
      base: 'project',
      edits: { B9: '其中：中央、省、市补助县级资金' },
    },
    { name: 'the project form', base: 'project' },
  ],
  invalid: [
    {
      name: 'a labelled line that is no known part',
      base: 'project',
      edits: { B9: '往来款项' },
      cells: ['B9'],
      expect: { severity: 'info', fix: null },
      messages: ['资金行“往来款项”不是已知的资金来源或支出结构项目，未计入任何合计核对。'],
    },
    {
      name: 'on the department form, the label trimmed',
      edits: { C5: '  往来款项 ' },
      cells: ['C5'],
      messages: ['资金行“往来款项”不是已知的资金来源或支出结构项目，未计入任何合计核对。'],
    },
  ],
});
