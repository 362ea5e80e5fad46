import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { SEVERITY, worstOf } from '../../engine/findings/severity';
import type { Finding } from '../../engine/findings/types';
import { ruleMeta } from '../../engine/rules';

export const RESULT_SHEET = '校验结果';

/** Fill colours per severity: Excel's own "bad" red and "neutral" yellow. */

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
    const worst = worstOf(list);
    if (worst !== 'info') {
      // exceljs shares one style object among cells read with the same style: assigning
      // cell.fill would recolour all of them. A copy of the style keeps the mark on this cell.
      cell.style = {
        ...cell.style,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${SEVERITY[worst].fill}` } },
      };
    }
    const ours = list.map((f) => `【${SEVERITY[f.severity].name}】${f.message}`).join('\n');
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
    { header: '规则名称', width: 24 },
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
        SEVERITY[f.severity].name,
        cell ? { text: cell, hyperlink: `#${quoted}!${cell}` } : '',
        f.rule,
        ruleMeta(f.rule)?.title ?? '',
        f.message,
        f.expected ?? '',
        f.actual ?? '',
        f.fix ? `${f.fix.cell} = ${f.fix.value}` : '',
      ]);
    }
  }
  if (forms.every((f) => f.findings.length === 0)) ws.addRow(['', '', '', '', '未发现问题。']);
}

/** Marks the findings and adds the 校验结果 sheet, in memory. */
export function annotate(wb: ExcelJS.Workbook, forms: FormFindings[]): void {
  for (const { sheet, findings } of forms) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`工作表“${sheet}”不存在`);
    markCells(ws, findings);
  }
  addResultSheet(wb, forms);
}

/** Thrown when a folder inside --out leads elsewhere (a planted link): nothing is written there. */
export class OutsideOut extends Error {}

/**
 * Writes bytes to `target` atomically: a temporary file created exclusively ('wx', so a link
 * planted at its name is never followed) next to the target, then renamed over it. The temporary
 * name is short, so a target whose name is near the system's limit still gets written.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(
    path.dirname(target),
    `.selfeval-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await fs.open(tmp, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Creates the folder of `target` under `root`, refusing one that resolves outside it (a planted link). */
export async function ensureDirInside(target: string, root: string): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const [realDir, realRoot] = await Promise.all([fs.realpath(dir), fs.realpath(root)]);
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep))
    throw new OutsideOut('输出文件夹中的子文件夹指向 --out 以外的位置（链接），未写入');
}

/**
 * Writes the annotated copy: every value and formula as loaded, the findings marked on the form's
 * sheet, and a 校验结果 sheet. Written to a temporary file and renamed, so a failure leaves nothing half-written.
 */
export async function writeAnnotatedCopy(
  wb: ExcelJS.Workbook,
  forms: FormFindings[],
  outPath: string,
  outRoot = path.dirname(outPath),
): Promise<void> {
  annotate(wb, forms);
  await ensureDirInside(outPath, outRoot);
  await writeAtomically(outPath, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Loads the input's bytes with exceljs (the only place it is needed) and writes the annotated copy. */
export async function writeCopy(
  bytes: Buffer,
  forms: FormFindings[],
  outPath: string,
  outRoot: string,
): Promise<void> {
  const { loadWorkbook } = await import('./readWorkbook');
  const { workbook } = await loadWorkbook(bytes, outPath);
  await writeAnnotatedCopy(workbook, forms, outPath, outRoot);
}
