import { testReportRule } from '../../helpers/reportTester';

// The seed's 总分 得分 is 96 (H34).
testReportRule('report.total-score-mismatch', {
  valid: [
    { name: 'the same total', paragraphs: ['自评总分96分。'] },
    { name: 'an indicator weight is not the total', paragraphs: ['满意度指标分值10分。'] },
  ],
  invalid: [
    {
      name: 'two points above (the seed report says 98)',
      paragraphs: ['经自评，我会2022年度部门整体支出绩效自评得分为98分，等级为优。'],
      cells: ['H34'],
      expected: ['96'],
      actual: ['98'],
      messages: [
        '自评报告第 1 段“经自评，我会2022年度部门整体支出绩效自评得分为98分，等级为优。”写自评得分 98 分，自评表总分得分（H34）为 96。',
      ],
    },
    { name: 'one point below', paragraphs: ['自评得分95分。'], cells: ['H34'], actual: ['95'] },
  ],
});
