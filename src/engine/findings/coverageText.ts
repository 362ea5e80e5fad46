import type { Summary } from './types';

/** "读取：资金 8 行，指标 17 行（可复算 11 行）" and what could not be read: the result says what it read. */
export function coverageLines(s: Summary): string[] {
  const c = s.coverage;
  const lines = [
    `读取：资金 ${c.fundRows} 行，指标 ${c.indicatorRows} 行（可复算 ${c.recomputed} 行${c.unverifiable ? `，无法复算 ${c.unverifiable} 行` : ''}）。`,
  ];
  if (c.missing.length)
    lines.push(`未找到：${c.missing.join('、')}部分；只读到表格的一部分，不给出复算总分和等级。`);
  if (c.unplaced.length) lines.push(`未能归类的行：${c.unplaced.join('、')}（未计入合计核对）。`);
  return lines;
}

/** "复算总分 106（满分 110）". */
export function totalsLine(s: Summary): string {
  const recomputed =
    s.recomputedTotal === null
      ? '—'
      : `${s.recomputedTotal}${s.fullMarks && s.fullMarks !== '100' ? `（满分 ${s.fullMarks}）` : ''}`;
  return `自评总分 ${s.statedTotal ?? '—'}，复算总分 ${recomputed}，等级 ${s.grade ?? '—'}。`;
}
