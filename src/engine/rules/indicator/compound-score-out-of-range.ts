import { limitsOf } from '../../profile/limits';
import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName, rangeText } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.compound-score-out-of-range',
  severity: 'error',
  part: 'indicators',
  title: '复合指标得分超出合理区间',
  description:
    '复合目标（100家/3500人）部分未完成时，得分应在 分值 × 最小完成比例 与 分值 × 最大完成比例 之间。',
  source: 'r-3-2',
  docs: 'docs/rules/indicator.compound-score-out-of-range.md',
  messages: {
    main: '{name}：{basis}，部分未完成，得分应在 {range} 之间（分值 × 各项完成比例），实填 {stated}。',
  },
  fix: null,
};

/** docs/rules.md#r-3-2: a compound target partly missed: the score lies between the part ratios. */
export const indicatorCompoundScore = defineRule(meta, ({ assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (i.kind !== 'compound' || i.expected || i.weight === null || i.score.kind !== 'value')
      return [];
    const s = i.score.value;
    const tol = limitsOf(profile).scoreTolerance;
    if (
      s.greaterThanOrEqualTo(i.range.min.minus(tol)) &&
      s.lessThanOrEqualTo(i.range.max.plus(tol))
    )
      return [];
    return [
      {
        cells: [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          basis: i.basis(),
          range: rangeText(i.range),
          stated: plain(s, 4),
        }),
        expected: rangeText(i.range),
        actual: plain(s, 4),
      },
    ];
  }),
);
