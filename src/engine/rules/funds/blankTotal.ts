import { AMOUNT_ROLE_NAME } from '../../model/form';
import { money } from '../../values/decimal';
import { defineRule } from '../rule';
import { totalName } from './names';

/** RULES §2.2: a 合计 left empty while its parts are filled. */
export const fundsBlankTotal = defineRule(
  { id: 'funds.blank-total', title: '合计未填', severity: 'warning', part: 'funds' },
  ({ assessment }) =>
    assessment.sums.flatMap((s) => {
      if (s.totalCell.parsed.kind !== 'blank' || s.totalCell.uncomputed || s.partsSum === null) return [];
      const terms = s.parts.filter((p) => p.cell.parsed.kind === 'value').map((p) => p.row.display).join(' + ');
      return [{
        cells: [s.totalCell.ref],
        message: `${totalName(s.group, s.total)}（${AMOUNT_ROLE_NAME[s.role]}）未填写，应为 ${terms} = ${money(s.partsSum)}。`,
        expected: money(s.partsSum),
        actual: '',
        fix: { cell: s.totalCell.ref, value: money(s.partsSum) },
      }];
    }),
);
