import { AMOUNT_ROLE_NAME } from '../../model/form';
import { money } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { totalName } from '../support/names';

export const meta: RuleMeta = {
  id: 'funds.blank-total',
  severity: 'warning',
  part: 'funds',
  title: '合计未填',
  description: '明细已填而合计空白：给出合计应填的值。',
  source: 'r-2-2',
  docs: 'docs/rules/funds.blank-total.md',
  messages: { main: '{total}（{column}）未填写，应为 {terms} = {sum}。' },
  fix: '填入明细之和。',
};

/** docs/rules.md#r-2-2: a 合计 left empty while its parts are filled. */
export const fundsBlankTotal = defineRule(meta, ({ assessment }) =>
  assessment.sums.flatMap((s) => {
    if (s.totalCell.parsed.kind !== 'blank' || s.totalCell.uncomputed || s.partsSum === null)
      return [];
    const terms = s.parts
      .filter((p) => p.cell.parsed.kind === 'value')
      .map((p) => p.row.display)
      .join(' + ');
    return [
      {
        cells: [s.totalCell.ref],
        message: fill(meta.messages.main, {
          total: totalName(s.group, s.total),
          column: AMOUNT_ROLE_NAME[s.role],
          terms,
          sum: money(s.partsSum),
        }),
        expected: money(s.partsSum),
        actual: '',
        fix: { cell: s.totalCell.ref, value: money(s.partsSum) },
      },
    ];
  }),
);
