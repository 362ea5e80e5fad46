import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import type { Finding, Severity } from '../../engine/findings/types';

export const RESULT_SHEET = '校验结果';

/** Fill colours per severity: Excel's own "bad" red and "neutral" yellow. */
export const MARK_FILL: Record<Exclude<Severity, 'info'>, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const SEVERITY_NAME: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function existingNote(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : '';
}

/** Marks each finding's first cell: fill by the worst severity there, and a note with every message. */
function markCells(ws: ExcelJS.Worksheet, findings: Finding[]): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const cell = f.cells[0];
    if (!cell) continue;
    byCell.set(cell, [...(byCell.get(cell) ?? []), f]);
  }
  for (const [address, list] of byCell) {
    const cell = ws.getCell(address);
    const worst = list.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'info' as Severity);
    if (worst !== 'info') {
      // exceljs shares one style object among cells read with the same style: assigning
      // cell.fill would recolour all of them. A copy of the style keeps the mark on this cell.
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[worst] } } };
    }
    const ours = list.map((f) => `【${SEVERITY_NAME[f.severity]}】${f.message}`).join('\n');
    const before = existingNote(cell);
    cell.note = before ? `${before}\n—— 自评表校验 ——\n${ours}` : ours;
  }
}

/** One checked form's findings, for the annotated copy. */
export interface FormFindings {
  sheet: string;
  form: string | null;
  findings: Finding[];
}

function addResultSheet(wb: ExcelJS.Workbook, forms: FormFindings[]): void {
  const old = wb.getWorksheet(RESULT_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(RESULT_SHEET);
  ws.columns = [
    { header: '工作表', width: 18 },
    { header: '严重程度', width: 10 },
    { header: '单元格', width: 10 },
    { header: '规则', width: 34 },
    { header: '说明', width: 90 },
    { header: '应为', width: 14 },
    { header: '实填', width: 14 },
    { header: '建议修正', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const { sheet, form, findings } of forms) {
    const quoted = `'${sheet.replace(/'/g, "''")}'`;
    for (const f of findings) {
    const cell = f.cells[0] ?? '';
    ws.addRow([
      form ? `${sheet} ${form}` : sheet,
      SEVERITY_NAME[f.severity],
      cell ? { text: cell, hyperlink: `#${quoted}!${cell}` } : '',
      f.rule,
      f.message,
      f.expected ?? '',
      f.actual ?? '',
      f.fix ? `${f.fix.cell} = ${f.fix.value}` : '',
    ]);
    }
  }
  if (forms.every((f) => f.findings.length === 0)) ws.addRow(['', '', '', '', '未发现问题。']);
}

/**
 * Writes the annotated copy: every value and formula as loaded, the findings marked on the form's
 * sheet, and a 校验结果 sheet. Written to a temporary file and renamed, so a failure leaves nothing half-written.
 */
export async function writeAnnotatedCopy(wb: ExcelJS.Workbook, forms: FormFindings[], outPath: string): Promise<void> {
  for (const { sheet, findings } of forms) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`工作表“${sheet}”不存在`);
    markCells(ws, findings);
  }
  addResultSheet(wb, forms);
  await fs.mkdir(path.dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, Buffer.from(await wb.xlsx.writeBuffer()));
    await fs.rename(tmp, outPath);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
