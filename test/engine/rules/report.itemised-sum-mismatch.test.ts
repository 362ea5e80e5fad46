import { testReportRule } from '../../helpers/reportTester';

// Amount tolerance (national profile): 0.01 万元.
testReportRule('report.itemised-sum-mismatch', {
  valid: [
    {
      name: '其中: the parts add up',
      paragraphs: ['基本支出总计254.85万元，其中人员经费支出233.48万元；日常公用经费21.37万元。'],
    },
    {
      name: 'within the tolerance: 0.01 off',
      paragraphs: ['共支出10万元，其中培训费6万元，会议费4.01万元。'],
    },
    {
      name: '一是/二是: the parts add up',
      paragraphs: ['共支出10万元。一是培训费6万元。二是会议费4万元。'],
    },
    { name: 'one part only is no list', paragraphs: ['共支出10万元，其中培训费6万元。'] },
  ],
  invalid: [
    {
      name: 'the seed: 9.6 + 17.9935 + 12.952 + 4 against 44.75',
      paragraphs: [
        '项目支出实际金额为44.75万元。一是职工活动9.6万元。二是帮扶17.9935万元。三是培训12.952万元。四是慰问4万元。',
      ],
      cells: ['E12'],
      expected: ['44.75万元'],
      actual: ['44.5455万元'],
      messages: [
        '自评报告第 1 段“项目支出实际金额为44.75万元。”列出的各项 9.6 + 17.9935 + 12.952 + 4 = 44.5455 万元，与所述合计 44.75 万元 不符，相差 0.2045 万元（自评表“（2）项目支出”全年执行数 E12 为 44.74）。',
      ],
    },
    {
      name: 'just over the tolerance: 0.011 off, a total the form does not hold',
      paragraphs: ['共支出10万元，其中培训费6万元，会议费4.011万元。'],
      cells: [undefined as unknown as string],
      messages: [
        '自评报告第 1 段“共支出10万元，其中培训费6万元，会议费4.011万元。”列出的各项 6 + 4.011 = 10.011 万元，与所述合计 10 万元 不符，相差 0.011 万元。',
      ],
    },
  ],
});
