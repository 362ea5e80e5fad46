import { differenceText } from '../../findings/format';
import { AMOUNT_ROLE_NAME } from '../../model/form';
import { limitsOf } from '../../profile/limits';
import { money } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { totalName } from '../support/names';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'funds.sum-mismatch',
  severity: 'error',
  part: 'funds',
  title: '合计与明细不符',
  description:
    '资金来源合计、资金结构合计、基本支出（人员支出 + 公用支出）在每个金额列都应等于其明细之和。',
  source: 'r-2-1',
  docs: 'docs/rules/funds.sum-mismatch.md',
  messages: { main: '{total}（{column}）应为 {terms} = {sum}，实填 {stated}，{difference}。' },
  fix: '把合计改为明细之和（来源与结构两个合计互相矛盾、各自又与明细一致时不给出）。',
};

/** docs/rules.md#r-2-1: 合计 = the sum of its parts, in every amount column. */
export const fundsSumMismatch = defineRule(meta, ({ assessment, profile }) =>
  assessment.sums.flatMap((s) => {
    if (s.totalCell.parsed.kind !== 'value' || s.partsSum === null) return [];
    const stated = s.totalCell.parsed.value;
    if (agrees(stated, s.partsSum, limitsOf(profile).amountTolerance)) return [];
    const terms = s.parts
      .map(
        (p) =>
          `${p.row.display} ${p.cell.parsed.kind === 'value' ? money(p.cell.parsed.value) : '0.00'}`,
      )
      .join(' + ');
    return [
      {
        cells: [s.totalCell.ref, ...s.parts.map((p) => p.cell.ref)],
        message: fill(meta.messages.main, {
          total: totalName(s.group, s.total),
          column: AMOUNT_ROLE_NAME[s.role],
          terms,
          sum: money(s.partsSum),
          stated: money(stated),
          difference: differenceText(s.partsSum, stated),
        }),
        expected: money(s.partsSum),
        actual: money(stated),
        fix: { cell: s.totalCell.ref, value: money(s.partsSum) },
      },
    ];
  }),
);
