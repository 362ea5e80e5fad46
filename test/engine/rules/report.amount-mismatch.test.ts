import { testReportRule } from '../../helpers/reportTester';

// The seed's 项目支出 is 44.74 (E12), 基本支出 254.85 (E9), 人员支出 233.48 (E10), 财政拨款 299.59 (E6).
testReportRule('report.amount-mismatch', {
  valid: [
    { name: 'the same amount', paragraphs: ['项目支出为44.74万元。'] },
    { name: 'in 元', paragraphs: ['项目支出为447400元。'] },
    { name: 'written to one decimal: 254.85 reads 254.9', paragraphs: ['基本支出254.9万元。'] },
    { name: 'written whole: 44.74 reads 45', paragraphs: ['项目支出45万元。'] },
    { name: 'a budget figure is not compared', paragraphs: ['项目支出预算金额为41.8万元。'] },
    { name: 'a line the form does not hold', paragraphs: ['“三公”经费总共使用0万元。'] },
  ],
  invalid: [
    {
      name: 'one hundredth above (the seed)',
      paragraphs: ['项目支出实际金额为44.75万元。'],
      cells: ['E12'],
      expected: ['44.74'],
      actual: ['44.75万元'],
      messages: [
        '自评报告第 1 段“项目支出实际金额为44.75万元。”写项目支出 44.75 万元，自评表“（2）项目支出”全年执行数（E12）为 44.74 万元，相差 0.01 万元。',
      ],
    },
    {
      name: 'one hundredth below',
      paragraphs: ['项目支出为44.73万元。'],
      cells: ['E12'],
      actual: ['44.73万元'],
    },
    {
      name: 'in 元, ten 元 off',
      paragraphs: ['人员经费2334810元。'],
      cells: ['E10'],
      expected: ['233.48'],
      actual: ['2334810元'],
    },
    {
      name: 'written to one decimal, a tenth off',
      paragraphs: ['基本支出254.8万元。'],
      cells: ['E9'],
    },
  ],
});
