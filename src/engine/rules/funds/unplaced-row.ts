import { groupsWithUnplaced } from '../../assess/funds';
import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'funds.unplaced-row',
  severity: 'info',
  part: 'funds',
  title: '资金行无法归类',
  description:
    '有金额、但标签不是已知资金来源或支出结构项目的行：计入所在合计能使合计成立时计入；否则列出，所在合计不核对。',
  source: 'r-2-6',
  docs: 'docs/rules/funds.unplaced-row.md',
  messages: {
    main: '资金行“{label}”不是已知的资金来源或支出结构项目，计入或不计入所在的合计都不能确定，该合计未核对。',
    outside:
      '资金行“{label}”不是已知的资金来源或支出结构项目，也不在任何合计之下，未计入合计核对。',
  },
  fix: null,
};

/** docs/rules.md#r-2-6: a 资金 row that cannot be placed is reported, never dropped. */
export const fundsUnplacedRow = defineRule(meta, ({ form }) => {
  if (!form.funds) return [];
  const inside = new Set([...groupsWithUnplaced(form.funds).values()].flat());
  return form.funds.unplaced.map((cell) => ({
    cells: [cell.ref],
    message: fill(inside.has(cell.ref.row) ? meta.messages.main : meta.messages.outside, {
      label: String(cell.raw ?? '').trim() || '（无标签）',
    }),
  }));
});
