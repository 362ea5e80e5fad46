import type { Finding, Severity } from '../../engine/findings/types';
import type { FileResult } from '../checkFile';
import { coverageLines, totalsLine } from '../../engine/findings/coverageText';
import { SUMMARY_HEADER, summaryRow } from './summaryRows';
import { table } from './width';

const SEVERITY_TITLE: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function findingLine(f: Finding): string {
  const fix = f.fix ? `（可修正：${f.fix.cell} 填 ${f.fix.value}）` : '';
  return `  ${(f.cells[0] ?? '').padEnd(6)}${f.message}${fix}`;
}

/** The readable report of one form: what was read, its findings by severity with their cells, the totals. */
export function fileReport(r: FileResult): string {
  const head = `== ${r.file}`;
  if (r.status !== 'checked') return `${head}\n  ${r.status === 'unreadable' ? '无法读取' : '未找到自评表'}：${r.message ?? ''}`;
  const lines = [`${head}  ［工作表：${r.sheet}${r.form ? `，${r.form}` : ''}］`, ...coverageLines(r.summary)];
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    lines.push(`${SEVERITY_TITLE[sev]} ${list.length} 项`);
    lines.push(...list.map(findingLine));
  }
  if (r.findings.length === 0) lines.push('  未发现问题。');
  lines.push(totalsLine(r.summary));
  return lines.join('\n');
}

export function summaryTable(results: FileResult[]): string {
  return `汇总\n${table(SUMMARY_HEADER, results.map(summaryRow))}`;
}
