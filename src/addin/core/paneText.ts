import type { Finding, Summary } from '../../engine';
import type { Verdict } from '../../engine/findings/types';
import type { RawValue } from '../../engine/grid/types';
import { ruleMeta } from '../../engine/rules';

/**
 * The pane's own wording (issue 20 item 6): plain sentences where the engine's shared texts use
 * the checker's jargon. Pure, so the review of every string the pane shows is tested in one place.
 */

/** Engine phrases replaced in what the pane shows (the CLI keeps the engine's). */
const PLAIN: [RegExp, string][] = [
  [/按本次给出的其他修正改正后[，：]?/g, '其他单元格按建议改好后，'],
  [/修正计划的后续一步/g, '其他格改好后还要改这一格'],
  [/可复算/g, '能重算得分'],
];

export function plain(text: string): string {
  return PLAIN.reduce((t, [re, by]) => t.replace(re, by), text);
}

/** The rule's name as the pane shows it. */
export function ruleTitle(rule: string): string | null {
  const t = ruleMeta(rule)?.title;
  return t ? plain(t) : null;
}

/** A number as written in a finding ("100.00%", "1,234.5", "≤ 25.00") compared with a cell's value. */
function matches(written: string | null, raw: RawValue | undefined): boolean {
  if (written === null || raw === undefined || raw === null) return false;
  const t = written.replace(/[,，\s]/g, '');
  if (typeof raw === 'number') {
    const n = Number(t.replace(/%$/, ''));
    if (!Number.isFinite(n)) return false;
    return t.endsWith('%') ? Math.abs(n - raw * 100) < 1e-6 : Math.abs(n - raw) < 1e-6;
  }
  return t === String(raw).replace(/[,，\s]/g, '');
}

/**
 * 应为/实填 said of the cell named: "实填" is what the cell holds. When the engine's expected is
 * what the cell holds (a stated 总分 of 100 against weights adding to 110), the line says so
 * instead of calling the cell's own value the expected one.
 */
export function valuesLine(f: Finding, cellValue: RawValue | undefined): string | null {
  if (!f.expected && !f.actual) return null;
  const cell = f.cells[0] ?? '';
  if (matches(f.expected, cellValue) && !matches(f.actual, cellValue))
    return `${cell} 填的是 ${f.expected}；按表内其他数算得 ${f.actual || '空'}`;
  return `${cell} 应为 ${f.expected || '—'}；实填 ${f.actual || '空'}`;
}

/** The verdict's sentence (RULES §7.2): what the officer does next. */
export function verdictText(verdict: Verdict | null, s: Summary): { title: string; text: string } {
  if (verdict === '需修改')
    return { title: '需修改', text: `有 ${s.errors} 个错误：改正后才能报送。` };
  if (verdict === '需说明')
    return {
      title: '需说明',
      text: `没有错误，但有警告还没有审核说明：核实后改正，或点“说明…”写明原因。`,
    };
  if (verdict === '可报送')
    return { title: '可报送', text: '没有错误，警告都已改正或说明，可以报送。' };
  return {
    title: '未下结论',
    text: '只读到表格的一部分，不给出能否报送的结论：请先查看下方“读取”一行缺了哪部分。',
  };
}

/** What was read, in plain words. */
export function coverageText(s: Summary): string[] {
  const c = s.coverage;
  const lines = [
    `读取：资金 ${c.fundRows} 行，指标 ${c.indicatorRows} 行，其中 ${c.recomputed} 行能按目标值和实际值重算得分${c.unverifiable ? `，${c.unverifiable} 行无法重算` : ''}。`,
  ];
  if (c.missing.length)
    lines.push(`没有找到${c.missing.join('、')}部分，只读到表格的一部分，不给出重算总分和等级。`);
  if (c.unplaced.length)
    lines.push(`${c.unplaced.join('、')} 所在的行认不出属于哪一项，没有计入合计核对。`);
  return lines;
}

/**
 * Totals against the form's own full marks: the 分值 its 总分 row states (the cell's value), not
 * the sum of the weights; when the weights add up to something else, the line says so.
 */
export function totalsText(s: Summary, statedFull: RawValue | undefined): string {
  const full =
    typeof statedFull === 'number' ? String(statedFull) : statedFull ? String(statedFull) : null;
  const recomputed = s.recomputedTotal ?? '—';
  const of = full ? `（满分 ${full}）` : '';
  const sum =
    s.fullMarks && full && Number(s.fullMarks) !== Number(full)
      ? `各项分值相加为 ${s.fullMarks}，与表内满分 ${full} 不一致。`
      : '';
  return `自评总分 ${s.statedTotal ?? '—'}${of}，重算总分 ${recomputed}，等级 ${s.grade ?? '—'}。${sum}`;
}
