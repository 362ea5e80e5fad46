import { testRule } from '../../helpers/ruleTester';

// departmentForm row 13: 产出指标／数量指标／指标1：培训场次, 分值 20; row 18: 长效机制 (qualitative), 分值 15.
const N13 = '产出指标／数量指标／指标1：培训场次';
testRule('indicator.score-out-of-range', {
  valid: [
    { name: 'the consistent form' },
    { name: 'at the weight (20)', edits: { H13: 20 } },
    { name: 'at 0 (wrong, but in range: score-mismatch says so)', edits: { H13: 0 } },
    { name: 'a qualitative row at its weight', edits: { H18: 15 } },
    { name: 'a row marked not applicable', edits: { G13: '－', H13: 30 } },
  ],
  invalid: [
    {
      name: 'just above the weight (20.01), with the recomputed score as the fix',
      edits: { H13: 20.01 },
      cells: ['H13'],
      firstCells: ['H13', 'G13'],
      expect: {
        severity: 'error',
        expected: '20',
        actual: '20.01',
        fix: { cell: 'H13', value: '20' },
      },
      messages: [`${N13}：得分 20.01 超出 0～20（分值）范围，按完成情况应为 20。`],
    },
    {
      name: 'just below 0 (−0.01)',
      edits: { H13: -0.01 },
      cells: ['H13'],
      firstCells: ['H13', 'G13'],
      expect: { expected: '20', actual: '-0.01' },
    },
    {
      name: 'a qualitative row: no recomputed score, no fix',
      edits: { H18: 15.01 },
      cells: ['H18'],
      firstCells: ['H18', 'G18'],
      expect: { expected: '0～15', actual: '15.01', fix: null },
      messages: ['效益指标／可持续影响指标／指标2：长效机制：得分 15.01 超出 0～15（分值）范围。'],
    },
    {
      name: 'a missed target scored over its weight: the recomputed score',
      edits: { F13: '10场', H13: 25 },
      cells: ['H13'],
      firstCells: ['H13', 'G13'],
      expect: { expected: '16.67', fix: { cell: 'H13', value: '16.67' } },
    },
  ],
});
