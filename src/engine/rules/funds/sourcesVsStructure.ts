import { limitsOf } from '../../profile/limits';
import { groupAmount } from '../../assess/funds';
import { differenceText } from '../../findings/format';
import { AMOUNT_ROLE_NAME, AMOUNT_ROLES } from '../../model/form';
import { money } from '../../values/decimal';
import { defineRule } from '../rule';

/** RULES §2.1: 资金来源 合计 = 资金结构 合计 (each as its parts add up). */
export const fundsSourcesVsStructure = defineRule(
  { id: 'funds.sources-structure-mismatch', title: '资金来源与资金结构合计不符', severity: 'error', part: 'funds' },
  ({ form, profile }) => {
    const funds = form.funds;
    if (!funds) return [];
    const sources = funds.groups.find((g) => g.kind === 'sources');
    const structure = funds.groups.find((g) => g.kind === 'structure');
    if (!sources || !structure) return [];
    return AMOUNT_ROLES.flatMap((role) => {
      const col = funds.columns[role];
      if (col === undefined) return [];
      const a = groupAmount(form.sheet, funds, sources, role);
      const b = groupAmount(form.sheet, funds, structure, role);
      if (!a || !b || a.minus(b).abs().lessThanOrEqualTo(limitsOf(profile).amountTolerance)) return [];
      const anchor = (g: typeof sources) => form.sheet.cell((g.total ?? g.parts[0]).row, col).ref;
      return [{
        cells: [anchor(structure), anchor(sources)],
        message: `资金结构合计（${AMOUNT_ROLE_NAME[role]}）${money(b)} 应等于资金来源合计 ${money(a)}，${differenceText(a, b)}。`,
        expected: money(a),
        actual: money(b),
      }];
    });
  },
);
