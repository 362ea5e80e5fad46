/** The words a narrative names a line of the 资金 block with, and the line a clause names. */
import type { Line } from './formFacts';

/** Words that name a line of the 资金 block, longest first within each line. */
const LINE_WORDS: [Line, string[]][] = [
  [
    'total',
    ['部门整体支出', '单位整体支出', '整体支出', '支出总额', '支出总计', '支出合计', '总支出'],
  ],
  ['appropriation', ['财政拨款']],
  ['basic', ['基本支出']],
  ['personnel', ['人员经费', '人员支出']],
  ['public', ['公用经费', '公用支出']],
  ['project', ['项目支出', '专项支出', '项目经费支出']],
];

/**
 * The line a clause names: the last line word in it. A total's word inside another line's
 * (基本支出总计 holds 支出总计) is that other line's.
 */
export function lineOf(lead: string): { line: Line; at: number } | null {
  const found: { line: Line; start: number; end: number }[] = [];
  for (const [line, words] of LINE_WORDS) {
    for (const w of words) {
      for (let at = lead.indexOf(w); at >= 0; at = lead.indexOf(w, at + 1))
        found.push({ line, start: at, end: at + w.length });
    }
  }
  const kept = found.filter(
    (m) =>
      m.line !== 'total' ||
      !found.some((o) => o.line !== 'total' && o.start < m.end && m.start < o.end),
  );
  const best = kept.reduce<(typeof kept)[number] | null>(
    (b, m) => (!b || m.end > b.end || (m.end === b.end && m.start < b.start) ? m : b),
    null,
  );
  return best ? { line: best.line, at: best.end } : null;
}

/** A budget figure (预算数, 年初预算), not what was spent: not compared with 全年执行数. */
export function isBudget(after: string): boolean {
  const i = after.search(/预算/);
  return i >= 0 && !/执行|实际|决算|支出|使用/.test(after.slice(i));
}
