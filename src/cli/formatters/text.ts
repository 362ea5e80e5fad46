import { SEVERITY } from '../../engine/findings/severity';
import type { Finding, Severity } from '../../engine/findings/types';
import type { FileResult } from '../result';
import { dim, green, red, yellow } from './colour';
import { LineSpool } from './files';
import type { Formatter } from './format';
import { coverageLines, totalsLine } from '../../engine/findings/coverageText';
import { SUMMARY_HEADER, summaryRow } from './summaryRows';
import { safe } from './safe';
import { padEnd, displayWidth } from './width';

function findingLine(
  f: Finding,
  labels: Record<string, string> | undefined,
  colour: boolean,
): string {
  const fix = f.fix ? `（可修正：${f.fix.cell} 填 ${f.fix.value}）` : '';
  const cell = f.cells[0] ?? '';
  const where = labels?.[cell] ? `（${safe(labels[cell])}）` : '';
  // The rule id, so a finding can be looked up (docs/rules/<id>.md) or explained by it.
  const line = `  ${cell.padEnd(6)}${where}${safe(f.message)}${safe(fix)}  ${dim(colour, `[${safe(f.rule)}]`)}`;
  return f.explanation ? `${line}\n${explanationLine(f.explanation)}` : line;
}

/** The 审核说明 under its finding: who, when, and 已过期 when the values have changed since. */
function explanationLine(e: NonNullable<Finding['explanation']>): string {
  const who = [e.by, e.at.slice(0, 10)].filter(Boolean).join('，');
  return `        审核说明${e.outdated ? '（已过期：数值已变，未采用）' : ''}：${safe(e.text)}${who ? `（${safe(who)}）` : ''}`;
}

/** The readable report of one form: what was read, its findings by severity with their cells, the totals. */
export function fileReport(r: FileResult, colour = false): string {
  const head = `== ${safe(r.file)}`;
  if (r.status !== 'checked')
    return `${head}\n  ${r.status === 'unreadable' ? '无法读取' : '未找到自评表'}：${safe(r.message ?? '')}`;
  const lines = [
    `${head}  ［工作表：${safe(r.sheet ?? '')}${r.form ? `，${r.form}` : ''}］`,
    ...(r.summary.verdict ? [`结论：${verdictText(r.summary.verdict, colour)}`] : []),
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
    lines.push(severityText(sev, `${SEVERITY[sev].name} ${list.length} 项`, colour));
    lines.push(...list.map((f) => findingLine(f, r.labels, colour)));
  }
  if (r.findings.length === 0) lines.push('  未发现问题。');
  lines.push(totalsLine(r.summary));
  return lines.join('\n');
}

function severityText(sev: Severity, s: string, colour: boolean): string {
  return sev === 'error' ? red(colour, s) : sev === 'warning' ? yellow(colour, s) : s;
}

function verdictText(v: string, colour: boolean): string {
  return v === '需修改' ? red(colour, v) : v === '需说明' ? yellow(colour, v) : green(colour, v);
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

/** A form that needs work, in one line (--quiet): its verdict or status, where, and its counts. */
export function quietLine(r: FileResult, colour: boolean): string | null {
  const where = `${safe(r.file)}${r.sheet ? `［${safe(r.sheet)}${r.form ? ` ${r.form}` : ''}］` : ''}`;
  if (r.status !== 'checked')
    return `${red(colour, r.status === 'unreadable' ? '无法读取' : '未找到自评表')}  ${where}`;
  const v = r.summary.verdict;
  if (v === '可报送') return null;
  const counts = `错误 ${r.summary.errors}，警告 ${r.summary.warnings}，提示 ${r.summary.infos}`;
  return `${v ? verdictText(v, colour) : '部分读取'}  ${where}：${counts}`;
}

/** The text report: each form's section as it comes, then the 汇总 table and the totals line. */
export const textFormat: Formatter = {
  name: 'text',
  label: '文本报告',
  // The summary row and the quiet line (JSON, one line), then the section.
  piece: (r, out) =>
    `${JSON.stringify([safeRow(r), quietLine(r, out.colour)])}\n${fileReport(r, out.colour)}`,
  open(sink, { quiet }) {
    const widths = new TableWidths();
    const spool = quiet ? null : new LineSpool();
    let count = 0;
    return {
      async add(piece) {
        const nl = piece.indexOf('\n');
        const [row, line] = JSON.parse(piece.slice(0, nl)) as [string[], string | null];
        if (quiet) {
          if (line !== null) await sink.write(`${line}\n`);
          return;
        }
        await sink.write(`${count++ === 0 ? '' : '\n\n'}${piece.slice(nl + 1)}`);
        widths.add(row);
        spool!.add(JSON.stringify(row));
      },
      async end(meta) {
        if (spool) {
          await sink.write(`\n\n${widths.head()}\n`);
          for await (const l of spool.lines())
            await sink.write(`${widths.line(JSON.parse(l) as string[])}\n`);
          // Said only for what was written: a run whose copies all failed says so instead.
          if (meta.outDir)
            await sink.write(
              meta.copies > 0
                ? `\n标注副本已写入 ${safe(meta.outDir)}（${meta.copies} 份）\n`
                : `\n没有写入标注副本（没有可标注的自评表，或写入失败，见上）。\n`,
            );
          await sink.write('\n');
        }
        await sink.write(`${meta.totals.line(meta.elapsedMs)}\n`);
      },
      dispose: async () => spool?.remove(),
    };
  },
};
