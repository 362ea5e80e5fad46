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
    {
      name: 'a labelled line that is no known part, but whose group adds up once it is counted, is counted (RULES §1.3)',
      base: 'project',
      edits: { B9: '往来款项' },
    },
    {
      name: 'on the department form: 往来款项 25 makes 505.22 = 480.22 + 25 hold, so it is a source',
      edits: { C5: '  往来款项 ' },
    },
  ],
  invalid: [
    {
      name: 'a labelled line that is no known part, and the group holds neither with it nor without it',
      base: 'project',
      edits: { B9: '往来款项', C9: 5, D9: 5, E9: 5 },
      cells: ['B9'],
      expect: { severity: 'info', fix: null },
      messages: [
        '资金行“往来款项”不是已知的资金来源或支出结构项目，计入或不计入所在的合计都不能确定，该合计未核对。',
      ],
    },
    {
      name: 'on the department form, the label trimmed',
      edits: { C5: '  往来款项 ', D5: 30 },
      cells: ['C5'],
      messages: [
        '资金行“往来款项”不是已知的资金来源或支出结构项目，计入或不计入所在的合计都不能确定，该合计未核对。',
      ],
    },
  ],
});
