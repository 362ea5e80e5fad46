import { isReverse } from '../../values/comparator';
import { limitsOf } from '../../profile/limits';
import { plain } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName } from '../support/describe';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'indicator.score-mismatch',
  severity: 'error',
  part: 'indicators',
  title: '定量指标得分与完成情况不符',
  description:
    '定量指标：正向 完成 ≥ 目标得满分，否则 分值 × 完成 ÷ 目标；反向 完成 ≤ 目标得满分，否则 分值 × 目标 ÷ 完成；保留两位小数，相差超过 0.01 即错。',
  source: 'r-3-2',
  docs: 'docs/rules/indicator.score-mismatch.md',
  messages: {
    main: '{name}：{basis}，{how}，实填 {stated}，{direction} {gap} 分。',
    met: '已完成目标，应得满分 {weight}',
    forward: '未完成目标，应得 分值 {weight} × 完成 {b} ÷ 目标 {a} = {expected}',
    reverse: '未完成目标，应得 分值 {weight} × 目标 {a} ÷ 完成 {b} = {expected}',
    compound: '各项均已完成，应得满分 {weight}',
  },
  fix: '填入复算得分。',
};

/** docs/rules.md#r-3-2: a quantitative score recomputed from target and actual. */
export const indicatorQuantitativeScore = defineRule(meta, ({ assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (
      (i.kind !== 'quantitative' && i.kind !== 'compound') ||
      !i.expected ||
      i.weight === null ||
      i.score.kind !== 'value'
    )
      return [];
    const s = i.score.value;
    if (agrees(s, i.expected, limitsOf(profile).scoreTolerance)) return [];
    const values = { weight: plain(i.weight), expected: plain(i.expected, profile.scoreDecimals) };
    const how =
      i.kind === 'compound'
        ? fill(meta.messages.compound, values)
        : i.met
          ? fill(meta.messages.met, values)
          : fill(isReverse(i.comparator) ? meta.messages.reverse : meta.messages.forward, {
              ...values,
              a: plain(i.a, 6),
              b: plain(i.b, 6),
            });
    return [
      {
        cells: [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          basis: i.basis(),
          how,
          stated: plain(s, 4),
          direction: s.greaterThan(i.expected) ? '多得' : '少得',
          gap: plain(i.expected.minus(s).abs(), profile.scoreDecimals),
        }),
        expected: plain(i.expected, profile.scoreDecimals),
        actual: plain(s, 4),
        fix: { cell: i.cells.score, value: plain(i.expected, profile.scoreDecimals) },
      },
    ];
  }),
);
