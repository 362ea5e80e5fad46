import { money } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { uncomputed } from '../support/uncomputed';
import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

/** A blank rate is filled with two decimals of a percent, the precision most forms print. */
const BLANK_RATE_DECIMALS = 2;

export const meta: RuleMeta = {
  id: 'funds.rate-blank',
  severity: 'warning',
  part: 'funds',
  title: '执行率未填',
  description: '预算数和执行数都有、执行率却空白。',
  source: 'r-2-3',
  docs: 'docs/rules/funds.rate-blank.md',
  messages: {
    main: '{row}执行率未填写，应为 全年执行数 {exec} ÷ {budgetName} {budget} = {should}。',
  },
  fix: '填入两位小数的执行率。',
};

/** docs/rules.md#r-2-3: a blank rate where both amounts exist. */
export const fundsRateBlank = defineRule(meta, ({ form, assessment }) =>
  assessment.rates.flatMap((r) => {
    if (!r.rateCell || r.percent === null || r.stated.kind !== 'blank') return [];
    if (uncomputed(form, r.rateCell)) return [];
    const should = formatPercent(r.percent, BLANK_RATE_DECIMALS);
    return [
      {
        cells: [r.rateCell],
        message: fill(meta.messages.main, {
          row: rowName(form.funds, r.row),
          exec: money(r.exec),
          budgetName: r.budgetName,
          budget: money(r.budget),
          should,
        }),
        expected: should,
        actual: '',
        fix: assessment.disputedRows.has(r.row.row) ? null : { cell: r.rateCell, value: should },
      },
    ];
  }),
);
