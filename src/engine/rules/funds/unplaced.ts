import { defineRule } from '../rule';

/** RULES §2.6: a 资金 row whose label is not a known source or structure line is reported, never dropped. */
export const fundsUnplacedRow = defineRule(
  { id: 'funds.unplaced-row', title: '资金行无法归类', severity: 'info', part: 'funds' },
  ({ form }) =>
    (form.funds?.unplaced ?? []).map((cell) => ({
      cells: [cell],
      message: `资金行“${String(form.sheet.cell(cell.row, cell.col).raw ?? '').trim() || '（无标签）'}”不是已知的资金来源或支出结构项目，未计入任何合计核对。`,
    })),
);
