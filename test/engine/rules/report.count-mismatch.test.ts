import { testReportRule } from '../../helpers/reportTester';

// The seed form: 部门职责 (B2) names 3717家工会; 人员编制 3 (B3); 实有人数 8 (E3).
const BASIC = ['一、部门（单位）概况', '（一）部门（单位）基本情况'];

testReportRule('report.count-mismatch', {
  valid: [
    {
      name: 'the same count of unions',
      paragraphs: [...BASIC, '负责下属单位3717家工会的管理工作。'],
    },
    {
      name: '实有 = 在职 + 离退休',
      paragraphs: [...BASIC, '现有编制人数3人，目前实有在职人员7人，离退休人员1人。'],
    },
    { name: '在职 alone equal to 实有', paragraphs: [...BASIC, '实有在职人员8人。'] },
    {
      name: 'outside 基本情况, a count is not compared',
      paragraphs: [
        '一、部门概况',
        '（一）基本情况',
        '编制3人。',
        '二、绩效情况',
        '全年走访3246家工会。',
      ],
    },
  ],
  invalid: [
    {
      name: 'the seed: 3246 unions against 3717',
      paragraphs: [...BASIC, '负责下属单位3246家工会的管理工作。'],
      cells: ['B2'],
      expected: ['3717家'],
      actual: ['3246家'],
      messages: [
        '自评报告第 3 段“负责下属单位3246家工会的管理工作。”写 3246家工会，自评表部门职责（B2）写 3717家工会。',
      ],
    },
    {
      name: '编制 one more',
      paragraphs: [...BASIC, '现有编制人数4人。'],
      cells: ['B3'],
      messages: ['自评报告第 3 段“现有编制人数4人。”写编制 4 人，自评表人员编制（B3）为 3。'],
    },
    {
      name: '实有 one fewer',
      paragraphs: [...BASIC, '实有人数7人。'],
      cells: ['E3'],
      messages: ['自评报告第 3 段“实有人数7人。”写实有 7 人，自评表实有人数（E3）为 8。'],
    },
    {
      name: '在职 + 离退休 one off, and 在职 alone too',
      paragraphs: [...BASIC, '实有在职人员6人，离退休人员1人。'],
      cells: ['E3'],
      expected: ['8'],
      actual: ['6+1'],
      messages: [
        '自评报告第 3 段“实有在职人员6人，离退休人员1人。”写在职 6 人、离退休 1 人，自评表实有人数（E3）为 8，两者都对不上。',
      ],
    },
  ],
});
