import { limitsOf } from '../../profile/limits';
import { differenceText } from '../../findings/format';
import { AMOUNT_ROLE_NAME } from '../../model/form';
import { money } from '../../values/decimal';
import { defineRule } from '../rule';
import { totalName } from './names';

/** RULES §2.1: 合计 = the sum of its parts, in every amount column. */
export const fundsSumMismatch = defineRule(
  { id: 'funds.sum-mismatch', title: '合计与明细不符', severity: 'error', part: 'funds' },
  ({ assessment, profile }) =>
    assessment.sums.flatMap((s) => {
      if (s.totalCell.parsed.kind !== 'value' || s.partsSum === null) return [];
      const stated = s.totalCell.parsed.value;
      if (stated.minus(s.partsSum).abs().lessThanOrEqualTo(limitsOf(profile).amountTolerance)) return [];
      const terms = s.parts.map((p) => `${p.row.display} ${p.cell.parsed.kind === 'value' ? money(p.cell.parsed.value) : '0.00'}`).join(' + ');
      return [{
        cells: [s.totalCell.ref, ...s.parts.map((p) => p.cell.ref)],
        message: `${totalName(s.group, s.total)}（${AMOUNT_ROLE_NAME[s.role]}）应为 ${terms} = ${money(s.partsSum)}，实填 ${money(stated)}，${differenceText(s.partsSum, stated)}。`,
        expected: money(s.partsSum),
        actual: money(stated),
        fix: { cell: s.totalCell.ref, value: money(s.partsSum) },
      }];
    }),
);
