import { limitsOf } from '../../profile/limits';
import { money } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

export const meta: RuleMeta = {
  id: 'funds.over-execution',
  severity: 'warning',
  part: 'funds',
  title: '超预算执行',
  description: '执行数大于预算数（超出尾差）时要求说明原因。',
  source: 'r-2-4',
  docs: 'docs/rules/funds.over-execution.md',
  messages: { main: '{row}全年执行数 {exec} 超过{budgetName} {budget}，超出 {over}，请说明原因。' },
  fix: null,
};

/** docs/rules.md#r-2-4: 执行数 > 预算数. */
export const fundsOverExecution = defineRule(meta, ({ form, assessment, profile }) =>
  assessment.rates.flatMap((r) => {
    const over = r.exec.minus(r.budget);
    if (over.lessThanOrEqualTo(limitsOf(profile).amountTolerance)) return [];
    return [
      {
        cells: [r.execCell, r.budgetCell],
        message: fill(meta.messages.main, {
          row: rowName(form.funds, r.row),
          exec: money(r.exec),
          budgetName: r.budgetName,
          budget: money(r.budget),
          over: money(over),
        }),
        expected: `≤ ${money(r.budget)}`,
        actual: money(r.exec),
      },
    ];
  }),
);
