import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

export const meta: RuleMeta = {
  id: 'funds.rate-not-applicable',
  severity: 'info',
  part: 'funds',
  title: '预算数为0，执行率不适用',
  description: '预算数为 0 时执行率不适用，应填“－”而不是具体比率。',
  source: 'r-2-3',
  docs: 'docs/rules/funds.rate-not-applicable.md',
  messages: { main: '{row}{budgetName}为 0，执行率不适用，应填“－”而不是具体比率。' },
  fix: null,
};

/** docs/rules.md#r-2-3: a budget of 0 makes the rate not applicable; a stated rate there means nothing. */
export const fundsRateNotApplicable = defineRule(meta, ({ form, assessment }) =>
  assessment.rates.flatMap((r) => {
    if (r.percent !== null || !r.rateCell || r.stated.kind === 'blank' || r.stated.kind === 'na')
      return [];
    return [
      {
        cells: [r.rateCell],
        message: fill(meta.messages.main, {
          row: rowName(form.funds, r.row),
          budgetName: r.budgetName,
        }),
        expected: '－',
        actual: r.stated.kind === 'text' ? r.stated.text : r.stated.display,
      },
    ];
  }),
);
