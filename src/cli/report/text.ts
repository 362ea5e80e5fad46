import { SEVERITY } from '../../engine/findings/severity';
import type { Finding, Severity } from '../../engine/findings/types';
import type { FileResult } from '../checkFile';
import { coverageLines, totalsLine } from '../../engine/findings/coverageText';
import { SUMMARY_HEADER, summaryRow } from './summaryRows';
import { safe } from './safe';
import { padEnd, displayWidth, table } from './width';

function findingLine(f: Finding, labels: Record<string, string> | undefined): string {
  const fix = f.fix ? `（可修正：${f.fix.cell} 填 ${f.fix.value}）` : '';
  const cell = f.cells[0] ?? '';
  const where = labels?.[cell] ? `（${safe(labels[cell])}）` : '';
  const line = `  ${cell.padEnd(6)}${where}${safe(f.message)}${safe(fix)}`;
  return f.explanation ? `${line}\n${explanationLine(f.explanation)}` : line;
}

/** The 审核说明 under its finding: who, when, and 已过期 when the values have changed since. */
function explanationLine(e: NonNullable<Finding['explanation']>): string {
  const who = [e.by, e.at.slice(0, 10)].filter(Boolean).join('，');
  return `        审核说明${e.outdated ? '（已过期：数值已变，未采用）' : ''}：${safe(e.text)}${who ? `（${safe(who)}）` : ''}`;
}

/** The readable report of one form: what was read, its findings by severity with their cells, the totals. */
export function fileReport(r: FileResult): string {
  const head = `== ${safe(r.file)}`;
  if (r.status !== 'checked')
    return `${head}\n  ${r.status === 'unreadable' ? '无法读取' : '未找到自评表'}：${safe(r.message ?? '')}`;
  const lines = [
    `${head}  ［工作表：${safe(r.sheet ?? '')}${r.form ? `，${r.form}` : ''}］`,
    ...(r.summary.verdict ? [`结论：${r.summary.verdict}`] : []),
    ...(r.profile
      ? [`评分口径：${safe(r.profile.name)}（${safe(r.profile.id)}；${safe(r.profile.why)}）`]
      : []),
    ...coverageLines(r.summary).map(safe),
  ];
  if (r.reading) lines.push(safe(r.reading.text));
  // What the check could not do on this form (a clipped sheet, a report it could not pair).
  if (r.message) lines.push(`说明：${safe(r.message)}`);
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    lines.push(`${SEVERITY[sev].name} ${list.length} 项`);
    lines.push(...list.map((f) => findingLine(f, r.labels)));
  }
  if (r.findings.length === 0) lines.push('  未发现问题。');
  lines.push(totalsLine(r.summary));
  return lines.join('\n');
}

export function summaryTable(results: FileResult[]): string {
  return `汇总\n${table(SUMMARY_HEADER, results.map(safeRow))}`;
}

/** A summary row with its text made safe for the terminal. */
export function safeRow(r: FileResult): string[] {
  return summaryRow(r).map(safe);
}

/** Column widths grown row by row, so the table can be printed from rows kept on disk. */
export class TableWidths {
  readonly widths = SUMMARY_HEADER.map(displayWidth);
  add(row: string[]): void {
    row.forEach((c, i) => (this.widths[i] = Math.max(this.widths[i], displayWidth(c))));
  }
  line(cells: string[]): string {
    return cells
      .map((c, i) => padEnd(c, this.widths[i]))
      .join('  ')
      .trimEnd();
  }
  head(): string {
    return `汇总\n${this.line(SUMMARY_HEADER)}\n${this.widths.map((w) => '-'.repeat(w)).join('  ')}`;
  }
}
