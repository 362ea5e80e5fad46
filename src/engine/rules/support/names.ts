import type { FundsBlock, FundsGroup, FundsRow } from '../../model/form';

const GROUP_NAME = { sources: '资金来源', structure: '资金结构' } as const;

/** A total labelled only 合计 / 总计 / 小计, which says nothing of what it totals. */
const isBare = (label: string) => /^(?:合计|总计|小计)$/.test(label);

/** "资金来源合计", "基本支出", "年度资金总额": what a total is called in a message. */
export function totalName(group: FundsGroup, total: FundsRow): string {
  if (total === group.basic) return '基本支出';
  return isBare(total.label) ? `${GROUP_NAME[group.kind]}${total.display}` : total.display;
}

/**
 * A funds row as a rate message names it. A department form has two 合计 rows (资金来源, 资金结构):
 * "合计执行率" would not say which, so a total written as 合计 is named with its group.
 */
export function rowName(funds: FundsBlock | null, row: FundsRow): string {
  const group = funds?.groups.find((g) => g.total === row);
  return group && isBare(row.label) ? totalName(group, row) : row.display;
}
