import { limitsOf } from '../../profile/limits';
import { Dec, plain } from '../../values/decimal';
import { OUTCOME_NAME } from '../../values/qualitative';
import { defineRule, fill, type RuleMeta } from '../rule';
import { indicatorName, rangeText } from '../support/describe';

export const meta: RuleMeta = {
  id: 'indicator.qualitative-band',
  severity: 'warning',
  part: 'indicators',
  title: '定性指标得分不在档次区间',
  description:
    '定性指标按完成情况分档：达成 [80%, 100%]、部分达成 [60%, 80%)、未达成 [0, 60%)（分值的比例，profile 可调）。',
  source: 'r-3-3',
  docs: 'docs/rules/indicator.qualitative-band.md',
  messages: {
    main: '{name}：完成情况“{actual}”属于{outcome}，得分应在 {range} 之间（分值 {weight} 的 {min}%–{max}%），实填 {stated}。',
  },
  fix: null,
};

/** docs/rules.md#r-3-3: a qualitative score must lie in its outcome's band. */
export const indicatorQualitativeBand = defineRule(meta, ({ assessment, profile }) =>
  assessment.indicators.flatMap((i) => {
    if (i.kind !== 'qualitative' || i.weight === null || i.score.kind !== 'value') return [];
    const s = i.score.value;
    const tol = limitsOf(profile).scoreTolerance;
    const aboveMin = s.greaterThanOrEqualTo(i.range.min.minus(tol));
    const belowMax = i.range.maxInclusive
      ? s.lessThanOrEqualTo(i.range.max.plus(tol))
      : s.lessThan(i.range.max);
    if (aboveMin && belowMax) return [];
    const band = profile.qualitativeBands[i.outcome];
    return [
      {
        cells: [i.cells.score],
        message: fill(meta.messages.main, {
          name: indicatorName(i),
          actual: i.actualText,
          outcome: OUTCOME_NAME[i.outcome],
          range: rangeText(i.range),
          weight: plain(i.weight),
          min: new Dec(band.min).times(100).toFixed(),
          max: new Dec(band.max).times(100).toFixed(),
          stated: plain(s, 4),
        }),
        expected: rangeText(i.range),
        actual: plain(s, 4),
      },
    ];
  }),
);
