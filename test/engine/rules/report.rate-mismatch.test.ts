import { testReportRule } from '../../helpers/reportTester';

// The seed: every line 100% (项目支出 44.74 ÷ 44.74, F12; 合计 299.59 ÷ 299.59).
testReportRule('report.rate-mismatch', {
  valid: [
    { name: 'the whole budget at 100%', paragraphs: ['整体预算执行率100%。'] },
    { name: 'a line at 100.00%', paragraphs: ['项目支出预算执行率为100.00%。'] },
  ],
  invalid: [
    {
      name: 'a line stated at 95%',
      paragraphs: ['项目支出预算执行率为95%。'],
      cells: ['F12'],
      expected: ['100.00%'],
      actual: ['95%'],
      messages: [
        '自评报告第 1 段“项目支出预算执行率为95%。”写项目支出执行率 95%，按自评表“（2）项目支出”全年执行数 44.74 ÷ 全年预算数 44.74 为 100.00%。',
      ],
    },
    {
      name: 'just below: 99.99%',
      paragraphs: ['项目支出预算执行率为99.99%。'],
      cells: ['F12'],
      actual: ['99.99%'],
    },
  ],
});
