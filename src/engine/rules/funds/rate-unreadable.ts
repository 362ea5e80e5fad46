import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

export const meta: RuleMeta = {
  id: 'funds.rate-unreadable',
  severity: 'info',
  part: 'funds',
  title: '执行率无法识别',
  description: '执行率单元格既不是百分比也不是“不适用”标记，无法核对。',
  source: 'r-2-3',
  docs: 'docs/rules/funds.rate-unreadable.md',
  messages: { main: '{row}执行率“{text}”无法识别为百分比，未能核对。' },
  fix: null,
};

/** docs/rules.md#r-2-3: a rate that is neither a number nor a not-applicable marker. */
export const fundsRateUnreadable = defineRule(meta, ({ form, assessment }) =>
  assessment.rates.flatMap((r) =>
    r.rateCell && r.stated.kind === 'text'
      ? [
          {
            cells: [r.rateCell],
            message: fill(meta.messages.main, {
              row: rowName(form.funds, r.row),
              text: r.stated.text,
            }),
            actual: r.stated.text,
          },
        ]
      : [],
  ),
);
