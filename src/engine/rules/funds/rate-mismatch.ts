import { judgeRate } from '../../assess/rate';
import { money } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

export const meta: RuleMeta = {
  id: 'funds.rate-mismatch',
  severity: 'error',
  part: 'funds',
  title: '执行率计算错误',
  description:
    '执行率应等于 执行数 ÷ 预算数，按填写时显示的精度比较（97.10% 比两位小数，100% 比整数）。',
  source: 'r-2-3',
  docs: 'docs/rules/funds.rate-mismatch.md',
  messages: {
    main: '{row}执行率应为 全年执行数 {exec} ÷ {budgetName} {budget} = {should}，实填 {shown}，相差 {gap} 个百分点。',
  },
  fix: '填入按原精度四舍五入的执行率。',
};

/** docs/rules.md#r-2-3: 执行率 = 全年执行数 ÷ 全年预算数, at the precision it is shown with. */
export const fundsRateMismatch = defineRule(meta, ({ form, assessment }) =>
  assessment.rates.flatMap((r) => {
    if (!r.rateCell || r.percent === null) return [];
    const verdict = judgeRate(r.stated, r.percent);
    if (verdict.kind !== 'differs') return [];
    const shown = formatPercent(verdict.percent, verdict.decimals);
    const should = formatPercent(r.percent, verdict.decimals);
    const gap = verdict.percent
      .minus(r.percent)
      .abs()
      .toDecimalPlaces(Math.max(2, verdict.decimals))
      .toFixed();
    return [
      {
        cells: [r.rateCell, r.execCell, r.budgetCell],
        message: fill(meta.messages.main, {
          row: rowName(form.funds, r.row),
          exec: money(r.exec),
          budgetName: r.budgetName,
          budget: money(r.budget),
          should,
          shown,
          gap,
        }),
        expected: should,
        actual: shown,
        fix: assessment.disputedRows.has(r.row.row) ? null : { cell: r.rateCell, value: should },
      },
    ];
  }),
);
