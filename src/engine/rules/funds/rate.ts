import { judgeRate } from '../../assess/rate';
import { money } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule } from '../rule';

const BLANK_RATE_DECIMALS = 2;

/** RULES §2.3: 执行率 = 全年执行数 ÷ 全年预算数, at the precision it is shown with. */
export const fundsRateMismatch = defineRule(
  { id: 'funds.rate-mismatch', title: '执行率计算错误', severity: 'error', part: 'funds' },
  ({ assessment }) =>
    assessment.rates.flatMap((r) => {
      if (!r.rateCell || r.percent === null) return [];
      const verdict = judgeRate(r.stated, r.percent);
      if (verdict.kind !== 'differs') return [];
      const shown = formatPercent(verdict.percent, verdict.decimals);
      const should = formatPercent(r.percent, verdict.decimals);
      const gap = verdict.percent.minus(r.percent).abs().toDecimalPlaces(Math.max(2, verdict.decimals)).toFixed();
      return [{
        cells: [r.rateCell, r.execCell, r.budgetCell],
        message: `${r.row.display}执行率应为 全年执行数 ${money(r.exec)} ÷ ${r.budgetName} ${money(r.budget)} = ${should}，实填 ${shown}，相差 ${gap} 个百分点。`,
        expected: should,
        actual: shown,
        fix: { cell: r.rateCell, value: should },
      }];
    }),
);

/** RULES §2.3: a blank rate where both amounts exist. */
export const fundsRateBlank = defineRule(
  { id: 'funds.rate-blank', title: '执行率未填', severity: 'warning', part: 'funds' },
  ({ assessment }) =>
    assessment.rates.flatMap((r) => {
      if (!r.rateCell || r.percent === null || r.stated.kind !== 'blank') return [];
      const should = formatPercent(r.percent, BLANK_RATE_DECIMALS);
      return [{
        cells: [r.rateCell],
        message: `${r.row.display}执行率未填写，应为 全年执行数 ${money(r.exec)} ÷ ${r.budgetName} ${money(r.budget)} = ${should}。`,
        expected: should,
        actual: '',
        fix: { cell: r.rateCell, value: should },
      }];
    }),
);

/** RULES §2.3: a budget of 0 makes the rate not applicable; a stated rate there means nothing. */
export const fundsRateNotApplicable = defineRule(
  { id: 'funds.rate-not-applicable', title: '预算数为0，执行率不适用', severity: 'info', part: 'funds' },
  ({ assessment }) =>
    assessment.rates.flatMap((r) => {
      if (r.percent !== null || !r.rateCell || r.stated.kind === 'blank' || r.stated.kind === 'na') return [];
      return [{
        cells: [r.rateCell],
        message: `${r.row.display}${r.budgetName}为 0，执行率不适用，应填“－”而不是具体比率。`,
        expected: '－',
        actual: r.stated.kind === 'text' ? r.stated.text : r.stated.display,
      }];
    }),
);

/** A rate that is neither a number nor a not-applicable marker. */
export const fundsRateUnreadable = defineRule(
  { id: 'funds.rate-unreadable', title: '执行率无法识别', severity: 'info', part: 'funds' },
  ({ assessment }) =>
    assessment.rates.flatMap((r) =>
      r.rateCell && r.stated.kind === 'text'
        ? [{ cells: [r.rateCell], message: `${r.row.display}执行率“${r.stated.text}”无法识别为百分比，未能核对。`, actual: r.stated.text }]
        : [],
    ),
);
