import { amountIn, groupAmount } from '../../assess/funds';
import { differenceText } from '../../findings/format';
import { AMOUNT_ROLE_NAME, AMOUNT_ROLES } from '../../model/form';
import { limitsOf } from '../../profile/limits';
import { money } from '../../values/decimal';
import { defineRule, fill, type RuleMeta } from '../rule';
import { agrees } from '../support/tolerance';

export const meta: RuleMeta = {
  id: 'funds.sources-structure-mismatch',
  severity: 'error',
  part: 'funds',
  title: '资金来源与资金结构合计不符',
  description: '资金来源合计应等于资金结构合计（各按其明细之和计）。',
  source: 'r-2-1',
  docs: 'docs/rules/funds.sources-structure-mismatch.md',
  messages: {
    main: '资金结构合计（{column}）{structure} 应等于资金来源合计 {sources}，{difference}。',
  },
  fix: null,
  // Names two totals of which either may be the wrong one (docs/rules.md#r-4a).
  fixPolicy: 'either-may-be-wrong',
};

/** docs/rules.md#r-2-1: 资金来源 合计 = 资金结构 合计. Which side is wrong is not known: no fix. */
export const fundsSourcesVsStructure = defineRule(meta, ({ form, profile }) => {
  const funds = form.funds;
  if (!funds) return [];
  const sources = funds.groups.find((g) => g.kind === 'sources');
  const structure = funds.groups.find((g) => g.kind === 'structure');
  if (!sources || !structure) return [];
  return AMOUNT_ROLES.flatMap((role) => {
    const col = funds.columns[role];
    if (col === undefined) return [];
    const a = groupAmount(funds, sources, role);
    const b = groupAmount(funds, structure, role);
    if (!a || !b || agrees(a, b, limitsOf(profile).amountTolerance)) return [];
    const anchor = (g: typeof sources) => amountIn(g.total ?? g.parts[0], role).ref;
    return [
      {
        cells: [anchor(structure), anchor(sources)],
        message: fill(meta.messages.main, {
          column: AMOUNT_ROLE_NAME[role],
          structure: money(b),
          sources: money(a),
          difference: differenceText(a, b),
        }),
        expected: money(a),
        actual: money(b),
      },
    ];
  });
});
