import type { FundsGroup, FundsRow } from '../../model/form';

const GROUP_NAME = { sources: '资金来源', structure: '资金结构' } as const;

/** "资金来源合计", "基本支出", "年度资金总额": what a total is called in a message. */
export function totalName(group: FundsGroup, total: FundsRow): string {
  if (total === group.basic) return '基本支出';
  return /^(?:合计|总计|小计)$/.test(total.label)
    ? `${GROUP_NAME[group.kind]}${total.display}`
    : total.display;
}
