import type { Reading } from '../findings/types';
import { fundsReadable, type Layout, type LayoutRole, parseLayout } from './layout';

/** A person's correction of one reading (issue 18 item 5), made in the pane. */
export type ReadingCorrection =
  | {
      kind: 'column';
      part: 'funds' | 'indicators';
      column: string;
      /** null: the column is not read at all. */
      role: LayoutRole | null;
    }
  | { kind: 'totalRow'; row: number };

/** The roles a person can give a column of each part, in the order a form shows them. */
export const CORRECTABLE_ROLES: Record<
  'funds' | 'indicators',
  { role: LayoutRole; name: string }[]
> = {
  funds: [
    { role: 'label', name: '行标签' },
    { role: 'initialBudget', name: '年初预算数' },
    { role: 'budget', name: '全年预算数' },
    { role: 'executed', name: '全年执行数' },
    { role: 'rate', name: '执行率' },
    { role: 'weight', name: '分值' },
    { role: 'score', name: '得分' },
    { role: 'reason', name: '偏差原因' },
  ],
  indicators: [
    { role: 'level1', name: '一级指标' },
    { role: 'level2', name: '二级指标' },
    { role: 'level3', name: '三级指标' },
    { role: 'target', name: '年度指标值' },
    { role: 'actual', name: '实际完成值' },
    { role: 'coefficient', name: '得分系数' },
    { role: 'weight', name: '分值' },
    { role: 'score', name: '得分' },
    { role: 'reason', name: '偏差原因' },
  ],
};

const KNOWN = new Set<string>(
  [...CORRECTABLE_ROLES.funds, ...CORRECTABLE_ROLES.indicators].map((r) => r.role),
);

/**
 * The layout that states a reading as it is, with one correction made: every block's header row
 * and roles, the 总分 row. Stored in the workbook, it is read by every later check there (the
 * pane and the CLI) exactly as a --layout file. A correction that leaves a block unreadable
 * (an indicator block without 得分, a 资金 block without 预算数 and 执行数) gives a sentence.
 */
export function correctReading(
  reading: Reading,
  sheet: string,
  correction: ReadingCorrection,
): { layout: Layout } | { error: string } {
  const blocks = reading.blocks.map((b) => {
    const columns: Record<string, LayoutRole> = {};
    for (const c of b.columns) if (KNOWN.has(c.role)) columns[c.column] = c.role as LayoutRole;
    if (correction.kind === 'column' && correction.part === b.part) {
      const { column, role } = correction;
      // A role is one column's (the row label excepted): the column that had it gives it up.
      if (role && role !== 'label')
        for (const [col, r] of Object.entries(columns)) if (r === role) delete columns[col];
      if (role) columns[column] = role;
      else delete columns[column];
    }
    // The part stated, so that a block of only 分值 and 得分 stays the part it was.
    return { headerRow: Math.max(...b.headerRows), part: b.part, columns };
  });
  for (const [i, b] of blocks.entries()) {
    const roles = new Set(Object.values(b.columns));
    if (reading.blocks[i].part === 'indicators' && !roles.has('score'))
      return { error: '不能这样更正：绩效指标部分必须有一列“得分”。' };
    if (reading.blocks[i].part === 'funds' && !fundsReadable(roles))
      return {
        error:
          '不能这样更正：资金部分必须有“预算数”和“执行数”两列（或只有执行率、分值、得分三列）。',
      };
  }
  const totalRow = correction.kind === 'totalRow' ? correction.row : reading.totalRow;
  const parsed = parseLayout({
    sheet,
    blocks,
    ...(totalRow === null ? {} : { totalRow }),
  });
  if ('error' in parsed)
    return { error: parsed.error.replace('读取方式文件不对：', '不能这样更正：') };
  return parsed;
}
