import { limitsOf } from '../../profile/limits';
import { plain, round } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule } from '../rule';
import { indicatorName } from './describe';

/** RULES §3.2 (Chongqing): the stated 得分系数 must be the ratio recomputed from target and actual. */
export const indicatorCoefficientMismatch = defineRule(
  { id: 'indicator.coefficient-mismatch', title: '得分系数与完成情况不符', severity: 'error', part: 'indicators' },
  ({ assessment }) =>
    assessment.indicators.flatMap((i) => {
      if (i.kind !== 'quantitative' || !i.coefficient || i.coefficient.kind !== 'differs' || !i.cells.coefficient) return [];
      const v = i.coefficient;
      const should = formatPercent(i.ratio.times(100), Math.max(2, v.decimals));
      return [{
        cells: [i.cells.coefficient, i.cells.score],
        message: `${indicatorName(i)}：${i.basis()}，得分系数应为 ${i.met ? '100%（已完成目标）' : `${i.comparator === 'le' || i.comparator === 'lt' ? '目标 ÷ 完成' : '完成 ÷ 目标'} = ${should}`}，实填 ${formatPercent(v.percent, v.decimals)}。`,
        expected: should,
        actual: formatPercent(v.percent, v.decimals),
        fix: { cell: i.cells.coefficient, value: should },
      }];
    }),
);

/** RULES §3.2 (Chongqing): 指标得分 = 指标权重 × 得分系数, as stated on the row. */
export const indicatorCoefficientScore = defineRule(
  { id: 'indicator.coefficient-score-mismatch', title: '指标得分不等于权重×得分系数', severity: 'error', part: 'indicators' },
  ({ assessment, profile }) =>
    assessment.indicators.flatMap((i) => {
      if (i.kind !== 'quantitative' || !i.coefficient || i.coefficient.kind === 'unreadable' || i.weight === null || i.score.kind !== 'value') return [];
      // A wrong coefficient is reported by itself; the score follows the recomputed ratio (score-mismatch).
      if (i.coefficient.kind === 'differs') return [];
      const expected = round(i.weight.times(i.coefficient.percent).dividedBy(100), profile.scoreDecimals);
      const s = i.score.value;
      if (s.minus(expected).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
      if (s.minus(i.expected).abs().lessThanOrEqualTo(limitsOf(profile).scoreTolerance)) return [];
      return [{
        cells: [i.cells.score],
        message: `${indicatorName(i)}：指标得分应为 指标权重 ${plain(i.weight)} × 得分系数 ${formatPercent(i.coefficient.percent, i.coefficient.decimals)} = ${plain(expected)}，实填 ${plain(s, 4)}。`,
        expected: plain(expected),
        actual: plain(s, 4),
      }];
    }),
);
