import { testRule } from '../../helpers/ruleTester';

// departmentForm row 13: 培训场次 ≥12场, 分值 20; row 16: 成本控制 ≤50万元 (reverse), 分值 10; row 14: ≥95%, 分值 10.
// 10场 of ≥12场: 20 × 10 ÷ 12 = 16.666… → 16.67.
const N13 = '产出指标／数量指标／指标1：培训场次';
const missed = (score: number) => ({ F13: '10场', H13: score, I13: '原因' });

testRule('indicator.score-mismatch', {
  valid: [
    { name: 'the consistent form' },
    { name: 'the recomputed score', edits: missed(16.67) },
    { name: '0.01 above it', edits: missed(16.68) },
    { name: '0.01 below it', edits: missed(16.66) },
    { name: 'the target met exactly (12场 of ≥12场): full marks', edits: { F13: '12场', H13: 20 } },
    { name: 'the target beaten: full marks, no more', edits: { F13: '20场', H13: 20 } },
    { name: 'a reverse target met exactly (50万元 of ≤50万元)', edits: { F16: '50万元' } },
    {
      name: 'a reverse target missed: 10 × 50 ÷ 60 = 8.33',
      edits: { F16: '60万元', H16: 8.33, I16: '原因' },
    },
    {
      name: 'a wider score tolerance in the profile',
      edits: missed(16.69),
      profile: { scoreTolerance: '0.02' },
    },
    { name: 'a score over its weight is score-out-of-range, not this', edits: missed(21) },
    { name: 'a qualitative row is not recomputed', edits: { H18: 13 } },
    {
      name: 'all parts of a compound target met',
      edits: { E13: '≥10场/300人', F13: '12场/320人' },
    },
  ],
  invalid: [
    {
      name: '0.02 below: the formula with the form’s numbers, and the fix',
      edits: missed(16.65),
      cells: ['H13'],
      expect: {
        severity: 'error',
        expected: '16.67',
        actual: '16.65',
        fix: { cell: 'H13', value: '16.67' },
      },
      messages: [
        `${N13}：目标 ≥12场，完成 10场，未完成目标，应得 分值 20 × 完成 10 ÷ 目标 12 = 16.67，实填 16.65，少得 0.02 分。`,
      ],
    },
    {
      name: '0.02 above',
      edits: missed(16.69),
      cells: ['H13'],
      expect: { expected: '16.67', actual: '16.69' },
      messages: [
        `${N13}：目标 ≥12场，完成 10场，未完成目标，应得 分值 20 × 完成 10 ÷ 目标 12 = 16.67，实填 16.69，多得 0.02 分。`,
      ],
    },
    {
      name: 'a target met, scored below full marks',
      edits: { H13: 19.98 },
      cells: ['H13'],
      expect: { expected: '20', actual: '19.98', fix: { cell: 'H13', value: '20' } },
      messages: [
        `${N13}：目标 ≥12场，完成 12场，已完成目标，应得满分 20，实填 19.98，少得 0.02 分。`,
      ],
    },
    {
      name: 'just under the target (11.99场)',
      edits: { F13: '11.99场' },
      cells: ['H13'],
      expect: { expected: '19.98' },
    },
    {
      name: 'a reverse target missed: 分值 × 目标 ÷ 完成',
      edits: { F16: '60万元', I16: '原因' },
      cells: ['H16'],
      expect: { expected: '8.33', actual: '10', fix: { cell: 'H16', value: '8.33' } },
      messages: [
        '产出指标／成本指标／指标4：成本控制：目标 ≤50万元，完成 60万元，未完成目标，应得 分值 10 × 目标 50 ÷ 完成 60 = 8.33，实填 10，多得 1.67 分。',
      ],
    },
    {
      name: 'a reverse target just missed (50.2万元): 10 × 50 ÷ 50.2 = 9.96',
      edits: { F16: '50.2万元' },
      cells: ['H16'],
      expect: { expected: '9.96' },
    },
    {
      name: 'a percent target missed: 10 × 94 ÷ 95 = 9.89',
      edits: { F14: '94%' },
      cells: ['H14'],
      expect: { expected: '9.89' },
    },
    {
      name: 'a compound target met on every part, scored below full marks',
      edits: { E13: '≥10场/300人', F13: '12场/320人', H13: 19 },
      cells: ['H13'],
      expect: { expected: '20', actual: '19' },
      messages: [
        `${N13}：目标 ≥10场/300人，完成 12场/320人，各项均已完成，应得满分 20，实填 19，少得 1 分。`,
      ],
    },
    {
      name: 'a tighter score tolerance in the profile (0.001)',
      edits: missed(16.66),
      profile: { scoreTolerance: '0.001' },
      cells: ['H13'],
    },
    {
      name: 'one decimal in the profile: 16.7',
      edits: missed(16.67),
      profile: { scoreDecimals: 1 },
      cells: ['H13'],
      expect: { expected: '16.7' },
    },
    {
      name: 'three decimals in the profile: 16.667, so 16.68 is 0.013 off',
      edits: missed(16.68),
      profile: { scoreDecimals: 3 },
      cells: ['H13'],
      // The message, the expected value and the fix are written at the profile's precision.
      expect: { expected: '16.667', fix: { cell: 'H13', value: '16.667' } },
      message: /16\.667.*16\.68.*0\.013/,
    },
  ],
});
