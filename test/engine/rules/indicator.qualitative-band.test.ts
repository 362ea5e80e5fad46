import { testRule } from '../../helpers/ruleTester';

// departmentForm row 18: 长效机制, qualitative, 分值 15. Bands (national): 达成 [12, 15], 部分达成 [9, 12), 未达成 [0, 9).
const N18 = '效益指标／可持续影响指标／指标2：长效机制';
const scored = (actual: string, score: number) => ({
  F18: actual,
  H18: score,
  I18: '原因',
  H20: 84.7 + score,
});

testRule('indicator.qualitative-band', {
  valid: [
    { name: 'the consistent form (达成, full marks)' },
    { name: '达成 at 80% of the weight (12)', edits: scored('已建立', 12) },
    { name: '达成 0.01 under 80% (尾差)', edits: scored('已建立', 11.99) },
    { name: '部分达成 at 60% (9)', edits: scored('基本完成', 9) },
    { name: '部分达成 0.01 under 60%', edits: scored('基本完成', 8.99) },
    { name: '部分达成 just under 80% (11.99)', edits: scored('基本完成', 11.99) },
    { name: '未达成 at 0', edits: scored('未完成', 0) },
    { name: '未达成 just under 60% (8.99)', edits: scored('未完成', 8.99) },
    {
      name: 'a lower band in the profile: 达成 from 70%',
      edits: scored('已建立', 10.5),
      profile: {
        qualitativeBands: {
          achieved: { min: '0.7', max: '1', maxInclusive: true },
          partial: { min: '0.6', max: '0.7', maxInclusive: false },
          missed: { min: '0', max: '0.6', maxInclusive: false },
        },
      },
    },
    { name: 'a score over the weight is score-out-of-range', edits: scored('已建立', 16) },
    { name: 'a quantitative row is not banded', edits: { H13: 1 } },
  ],
  invalid: [
    {
      name: '达成 0.02 under 80%',
      edits: scored('已建立', 11.98),
      cells: ['H18'],
      expect: { severity: 'warning', expected: '[12, 15]', actual: '11.98', fix: null },
      messages: [
        `${N18}：完成情况“已建立”属于达成，得分应在 [12, 15] 之间（分值 15 的 80%–100%），实填 11.98。`,
      ],
    },
    {
      name: '部分达成 at 80%: the upper bound is exclusive',
      edits: scored('基本完成', 12),
      cells: ['H18'],
      expect: { expected: '[9, 12)', actual: '12' },
      messages: [
        `${N18}：完成情况“基本完成”属于部分达成，得分应在 [9, 12) 之间（分值 15 的 60%–80%），实填 12。`,
      ],
    },
    {
      name: '部分达成 0.02 under 60%',
      edits: scored('基本完成', 8.98),
      cells: ['H18'],
      expect: { expected: '[9, 12)' },
    },
    { name: '部分达成 at full marks', edits: scored('部分完成', 15), cells: ['H18'] },
    {
      name: '未达成 at 60%',
      edits: scored('未完成', 9),
      cells: ['H18'],
      expect: { expected: '[0, 9)', actual: '9' },
      messages: [
        `${N18}：完成情况“未完成”属于未达成，得分应在 [0, 9) 之间（分值 15 的 0%–60%），实填 9。`,
      ],
    },
    { name: '未达成 at full marks', edits: scored('未完成', 15), cells: ['H18'] },
    {
      name: 'a tighter score tolerance in the profile: 11.99 is out',
      edits: scored('已建立', 11.99),
      profile: { scoreTolerance: '0.001' },
      cells: ['H18'],
    },
  ],
});
