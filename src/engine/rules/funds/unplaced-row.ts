import { defineRule, fill, type RuleMeta } from '../rule';

export const meta: RuleMeta = {
  id: 'funds.unplaced-row',
  severity: 'info',
  part: 'funds',
  title: '资金行无法归类',
  description: '有金额、但标签不是已知资金来源或支出结构项目的行：列出，不丢弃，也不计入合计。',
  source: 'r-2-6',
  messages: { main: '资金行“{label}”不是已知的资金来源或支出结构项目，未计入任何合计核对。' },
  fix: null,
};

/** docs/rules.md#r-2-6: a 资金 row that cannot be placed is reported, never dropped. */
export const fundsUnplacedRow = defineRule(meta, ({ form }) =>
  (form.funds?.unplaced ?? []).map((cell) => ({
    cells: [cell.ref],
    message: fill(meta.messages.main, {
      label: String(cell.raw ?? '').trim() || '（无标签）',
    }),
  })),
);
