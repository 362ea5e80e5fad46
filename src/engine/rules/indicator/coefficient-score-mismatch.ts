import { limitsOf } from '../../profile/limits';
import { plain, round } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'indicator.coefficient-score-mismatch',
  severity: 'error',
  part: 'indicators',
  title: '指标得分不等于权重×得分系数',
  description: '重庆版：指标得分 = 指标权重 × 得分系数（得分系数本身正确时）。',
  source: 'r-3-2',
  docs: 'docs/rules/indicator.coefficient-score-mismatch.md',
  messages: {
    main: '{name}：指标得分应为 指标权重 {weight} × 得分系数 {coefficient} = {expected}，实填 {stated}。',
  },
  fix: null,
};

/** docs/rules.md#r-3-2 (得分系数): 指标得分 = 指标权重 × 得分系数, as stated on the row. */
export const indicatorCoefficientScore = defineRule(meta, ({ assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (
      i.kind !== 'quantitative' ||
      !i.coefficient ||
      i.coefficient.kind === 'unreadable' ||
      i.weight === null ||
      i.score.kind !== 'value'
    )
      return [];
    // A wrong coefficient is reported by itself; the score then follows the recomputed ratio (score-mismatch).
    if (i.coefficient.kind === 'differs') return [];
    const tol = limitsOf(profile).scoreTolerance;
    const expected = round(
      i.weight.times(i.coefficient.percent).dividedBy(100),
      profile.scoreDecimals,
    );
    const s = i.score.value;
    if (agrees(s, expected, tol) || agrees(s, i.expected, tol)) return [];
    return [
      {
        cells: [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          weight: plain(i.weight),
          coefficient: formatPercent(i.coefficient.percent, i.coefficient.decimals),
          expected: plain(expected, profile.scoreDecimals),
          stated: plain(s, 4),
        }),
        expected: plain(expected, profile.scoreDecimals),
        actual: plain(s, 4),
      },
    ];
  }),
);
