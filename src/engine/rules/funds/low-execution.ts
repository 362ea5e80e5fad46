import { isLowExecution } from '../../assess/rate';
import { Dec, money } from '../../values/decimal';
import { formatPercent } from '../../values/percent';
import { defineRule, fill, type RuleMeta } from '../rule';
import { rowName } from '../support/names';

/** The rate at two decimals, or at as many more as it takes to show it below the limit. */
function shownBelow(percent: Dec, limit: string): string {
  for (let d = 2; d < 8; d++) {
    const shown = formatPercent(percent, d);
    if (new Dec(shown.replace('%', '')).lessThan(limit)) return shown;
  }
  return formatPercent(percent, 8);
}

export const meta: RuleMeta = {
  id: 'funds.low-execution',
  severity: 'warning',
  part: 'funds',
  title: '预算执行率偏低',
  description:
    '执行率低于 profile 的下限（全国：90%）时要求说明原因；金额缺失时按填报的执行率判断。',
  source: 'r-2-4',
  docs: 'docs/rules/funds.low-execution.md',
  messages: {
    computed:
      '{row}预算执行率 全年执行数 {exec} ÷ {budgetName} {budget} = {rate}，低于 {limit}%，请在报告中说明原因及改进措施。',
    stated:
      '{row}填报的预算执行率 {rate} 低于 {limit}%（预算数或执行数未填，无法复算），请说明原因及改进措施。',
  },
  fix: null,
};

/** docs/rules.md#r-2-4: a rate below the profile's limit (90%) asks for the reason. */
export const fundsLowExecution = defineRule(meta, ({ form, assessment, profile }) => [
  ...assessment.rates.flatMap((r) => {
    if (r.percent === null || !isLowExecution(r.percent, profile)) return [];
    // Shown to two decimals, unless that would read as the limit itself (89.995% is not 90.00%).
    const rate = shownBelow(r.percent, profile.lowExecutionPercent);
    return [
      {
        cells: [r.rateCell ?? r.execCell],
        message: fill(meta.messages.computed, {
          row: rowName(form.funds, r.row),
          exec: money(r.exec),
          budgetName: r.budgetName,
          budget: money(r.budget),
          rate,
          limit: profile.lowExecutionPercent,
        }),
        expected: `≥ ${profile.lowExecutionPercent}%`,
        actual: rate,
      },
    ];
  }),
  ...assessment.statedOnlyRates.flatMap((r) =>
    isLowExecution(r.percent, profile)
      ? [
          {
            cells: [r.rateCell],
            message: fill(meta.messages.stated, {
              row: rowName(form.funds, r.row),
              rate: formatPercent(r.percent, 2),
              limit: profile.lowExecutionPercent,
            }),
            expected: `≥ ${profile.lowExecutionPercent}%`,
            actual: formatPercent(r.percent, 2),
          },
        ]
      : [],
  ),
]);
