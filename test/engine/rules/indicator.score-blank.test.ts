import { testRule } from '../../helpers/ruleTester';

const N13 = '产出指标／数量指标／指标1：培训场次';
testRule('indicator.score-blank', {
  valid: [
    { name: 'the consistent form' },
    { name: 'a score of 0 is filled', edits: { H13: 0 } },
    { name: 'no 分值 and no 得分: an unscored row', edits: { G13: null, H13: null } },
    { name: 'a row marked not applicable', edits: { G13: '－', H13: null } },
  ],
  invalid: [
    {
      name: 'a quantitative row: the recomputed score and the fix',
      edits: { H13: null },
      cells: ['H13'],
      expect: {
        severity: 'warning',
        expected: '20',
        actual: '',
        fix: { cell: 'H13', value: '20' },
      },
      messages: [`${N13}：分值 20，得分未填写，按完成情况应为 20。`],
    },
    {
      name: 'a missed target: the formula’s result',
      edits: { H13: null, F13: '10场' },
      cells: ['H13'],
      expect: { expected: '16.67', fix: { cell: 'H13', value: '16.67' } },
      messages: [`${N13}：分值 20，得分未填写，按完成情况应为 16.67。`],
    },
    {
      name: 'a qualitative row: no recomputed score, no fix',
      edits: { H18: null },
      cells: ['H18'],
      expect: { expected: null, actual: '', fix: null },
      messages: ['效益指标／可持续影响指标／指标2：长效机制：分值 15，得分未填写。'],
    },
    {
      name: 'an unverifiable row: no fix',
      edits: { H13: null, F13: '已完成' },
      cells: ['H13'],
      expect: { expected: null, fix: null },
    },
  ],
});
