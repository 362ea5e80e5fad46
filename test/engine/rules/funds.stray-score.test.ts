import { testRule } from '../../helpers/ruleTester';

testRule('funds.stray-score', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a scored sub-row has its 分值 (Guizhou)', edits: { G4: 5, H4: 4.84 } },
    { name: 'a “－” in 得分', edits: { H4: '－' } },
  ],
  invalid: [
    {
      name: 'a 得分 without 分值 on a part row',
      edits: { H4: 5 },
      cells: ['H4'],
      expect: { severity: 'info', expected: null, actual: null, fix: null },
      messages: [
        '该行填写了得分但没有分值：只有计分的行（通常是合计行）填分值和得分，明细行应填“－”或留空；该单元格未计入总分核对。',
      ],
    },
    { name: 'a score of 0 counts as a score', edits: { H8: 0 }, cells: ['H8'] },
  ],
});
