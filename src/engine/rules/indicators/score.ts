import { limitsOf } from '../../profile/limits';
import { Dec, plain } from '../../values/decimal';
import { OUTCOME_NAME } from '../../values/qualitative';
import { defineRule } from '../rule';
import { indicatorName, rangeText } from './describe';

/** RULES §3.1: 0 ≤ 得分 ≤ 分值. */
export const indicatorScoreOutOfRange = defineRule(
  { id: 'indicator.score-out-of-range', title: '得分超出分值范围', severity: 'error', part: 'indicators' },
  ({ assessment }) =>
    assessment.indicators.flatMap((i) => {
      if (i.weight === null || i.score.kind !== 'value' || i.kind === 'na') return [];
      const s = i.score.value;
      if (s.greaterThanOrEqualTo(0) && s.lessThanOrEqualTo(i.weight)) return [];
      const expected = i.kind === 'quantitative' || (i.kind === 'compound' && i.expected) ? i.expected : null;
      return [{
        cells: i.cells.weight ? [i.cells.score, i.cells.weight] : [i.cells.score],
        message: `${indicatorName(i)}：得分 ${plain(s, 4)} 超出 0～${plain(i.weight)}（分值）范围${expected ? `，按完成情况应为 ${plain(expected)}` : ''}。`,
        expected: expected ? plain(expected) : `0～${plain(i.weight)}`,
        actual: plain(s, 4),
        fix: expected ? { cell: i.cells.score, value: plain(expected) } : null,
      }];
    }),
);

/** RULES §3.1: 分值 set, 得分 blank. */
export const indicatorScoreBlank = defineRule(
  { id: 'indicator.score-blank', title: '得分未填', severity: 'warning', part: 'indicators' },
  ({ assessment }) =>
    assessment.indicators.flatMap((i) => {
      if (i.weight === null || i.score.kind !== 'blank' || i.kind === 'na' || i.kind === 'unscored') return [];
      const expected = i.kind === 'quantitative' || (i.kind === 'compound' && i.expected) ? i.expected : null;
      return [{
        cells: [i.cells.score],
        message: `${indicatorName(i)}：分值 ${plain(i.weight)}，得分未填写${expected ? `，按完成情况应为 ${plain(expected)}` : ''}。`,
        expected: expected ? plain(expected) : null,
        actual: '',
        fix: expected ? { cell: i.cells.score, value: plain(expected) } : null,
      }];
    }),
);

/** RULES §3.2: a quantitative score recomputed from target and actual. */
export const indicatorQuantitativeScore = defineRule(
  { id: 'indicator.score-mismatch', title: '定量指标得分与完成情况不符', severity: 'error', part: 'indicators' },
  ({ assessment, profile }) =>
    assessment.indicators.flatMap((i) => {
      if ((i.kind !== 'quantitative' && i.kind !== 'compound') || !i.expected || i.weight === null || i.score.kind !== 'value') return [];
      const s = i.score.value;
      if (s.lessThan(0) || s.greaterThan(i.weight)) return []; // out of range says it already
      if (s.minus(i.expected).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
      const how = i.met
        ? `已完成目标，应得满分 ${plain(i.weight)}`
        : `未完成目标，应得 ${plain(i.weight)} × ${i.comparator === 'le' || i.comparator === 'lt' ? '目标 ÷ 完成' : '完成 ÷ 目标'} = ${plain(i.expected)}`;
      return [{
        cells: [i.cells.score],
        message: `${indicatorName(i)}：${i.basis()}，${how}，实填 ${plain(s, 4)}，${s.greaterThan(i.expected) ? '多得' : '少得'} ${plain(i.expected.minus(s).abs())} 分。`,
        expected: plain(i.expected),
        actual: plain(s, 4),
        fix: { cell: i.cells.score, value: plain(i.expected) },
      }];
    }),
);

/** RULES §3.2: a compound target partly missed: the score lies between the part ratios. */
export const indicatorCompoundScore = defineRule(
  { id: 'indicator.compound-score-out-of-range', title: '复合指标得分超出合理区间', severity: 'error', part: 'indicators' },
  ({ assessment, profile }) =>
    assessment.indicators.flatMap((i) => {
      if (i.kind !== 'compound' || i.expected || i.weight === null || i.score.kind !== 'value') return [];
      const s = i.score.value;
      const tol = limitsOf(profile).scoreTolerance;
      if (s.lessThan(0) || s.greaterThan(i.weight)) return [];
      if (s.greaterThanOrEqualTo(i.range.min.minus(tol)) && s.lessThanOrEqualTo(i.range.max.plus(tol))) return [];
      return [{
        cells: [i.cells.score],
        message: `${indicatorName(i)}：${i.basis()}，部分未完成，得分应在 ${rangeText(i.range)} 之间（分值 × 各项完成比例），实填 ${plain(s, 4)}。`,
        expected: rangeText(i.range),
        actual: plain(s, 4),
      }];
    }),
);

/** RULES §3.3: a qualitative score must lie in its outcome's band. */
export const indicatorQualitativeBand = defineRule(
  { id: 'indicator.qualitative-band', title: '定性指标得分不在档次区间', severity: 'warning', part: 'indicators' },
  ({ assessment, profile }) =>
    assessment.indicators.flatMap((i) => {
      if (i.kind !== 'qualitative' || i.weight === null || i.score.kind !== 'value') return [];
      const s = i.score.value;
      if (s.lessThan(0) || s.greaterThan(i.weight)) return [];
      const tol = limitsOf(profile).scoreTolerance;
      const aboveMin = s.greaterThanOrEqualTo(i.range.min.minus(tol));
      const belowMax = i.range.maxInclusive ? s.lessThanOrEqualTo(i.range.max.plus(tol)) : s.lessThan(i.range.max);
      if (aboveMin && belowMax) return [];
      const band = profile.qualitativeBands[i.outcome];
      return [{
        cells: [i.cells.score],
        message: `${indicatorName(i)}：完成情况“${i.actualText}”属于${OUTCOME_NAME[i.outcome]}，得分应在 ${rangeText(i.range)} 之间（分值 ${plain(i.weight)} 的 ${new Dec(band.min).times(100).toFixed()}%–${new Dec(band.max).times(100).toFixed()}%），实填 ${plain(s, 4)}。`,
        expected: rangeText(i.range),
        actual: plain(s, 4),
      }];
    }),
);

/** RULES §3.5: rows whose score cannot be recomputed, and why. */
export const indicatorUnverifiable = defineRule(
  { id: 'indicator.unverifiable', title: '指标得分无法复算', severity: 'info', part: 'indicators' },
  ({ assessment }) =>
    assessment.indicators.flatMap((i) =>
      i.kind === 'unverifiable' ? [{ cells: [i.cells.score], message: `${indicatorName(i)}：${i.why}。` }] : [],
    ),
);
