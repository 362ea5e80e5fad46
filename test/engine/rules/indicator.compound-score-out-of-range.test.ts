import { testRule } from '../../helpers/ruleTester';

// departmentForm row 13 (分值 20) with a compound target ≥10场/300人.
const N13 = '产出指标／数量指标／指标1：培训场次';
const partly = (score: number) => ({
  E13: '≥10场/300人',
  F13: '8场/300人',
  H13: score,
  I13: '原因',
}); // ratios 0.8 and 1: [16, 20]
const bothShort = (score: number) => ({
  E13: '≥10场/300人',
  F13: '8场/240人',
  H13: score,
  I13: '原因',
}); // 0.8 and 0.8: [16, 16]

testRule('indicator.compound-score-out-of-range', {
  valid: [
    { name: 'the consistent form' },
    { name: 'at the low end (16)', edits: partly(16) },
    { name: '0.01 below the low end', edits: partly(15.99) },
    { name: 'at the high end (20)', edits: partly(20) },
    { name: 'a range of one point, 0.01 above', edits: bothShort(16.01) },
    { name: 'a range of one point, 0.01 below', edits: bothShort(15.99) },
    {
      name: 'every part met: score-mismatch checks full marks',
      edits: { E13: '≥10场/300人', F13: '12场/320人', H13: 19 },
    },
    { name: 'over the weight is score-out-of-range', edits: partly(21) },
  ],
  invalid: [
    {
      name: '0.02 below the low end',
      edits: partly(15.98),
      cells: ['H13'],
      expect: { severity: 'error', expected: '[16, 20]', actual: '15.98', fix: null },
      messages: [
        `${N13}：目标 ≥10场/300人，完成 8场/300人，部分未完成，得分应在 [16, 20] 之间（分值 × 各项完成比例），实填 15.98。`,
      ],
    },
    {
      name: '0.02 above the high end',
      edits: bothShort(16.02),
      cells: ['H13'],
      expect: { expected: '[16, 16]', actual: '16.02' },
    },
    {
      name: 'a tighter score tolerance in the profile',
      edits: partly(15.99),
      profile: { scoreTolerance: '0.001' },
      cells: ['H13'],
    },
  ],
});
