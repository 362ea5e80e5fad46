import { checkLocated, combineResults } from '../../engine/check';
import type { Finding, Fix } from '../../engine/findings/types';
import { locateForms } from '../../engine/locate/locateForm';
import { NATIONAL_PROFILE, type Profile } from '../../engine/profile/profile';
import { excelErrorSentence } from '../core/errors';
import { fixWrite } from '../core/fixValue';
import type { ActionOutcome, CheckOutcome, ClearOutcome, Gateway } from '../core/gateway';
import { type MarkedCell, type MarkRecord, NOTE_PREFIX, parseRecord, planMarks, RECORD_KEY } from '../core/marks';
import { type Capabilities, capabilitiesOf, type ExcelHost } from './excelHost';
import { NO_FILL, restoreFill, sameColor } from './fills';
import { queueSheetRead, type SheetRead } from './readSheet';

export const RESULT_SHEET = '校验结果';
const SEVERITY_NAME = { error: '错误', warning: '警告', info: '提示' } as const;

/**
 * The Excel side of the task pane. Each operation is one Excel.run: read in one batch, compute,
 * write in one batch. Round trips never depend on the number of rows or findings.
 */
export function createExcelGateway(host: ExcelHost, profile: Profile = NATIONAL_PROFILE): Gateway {
  const caps = capabilitiesOf(host);

  async function check(): Promise<CheckOutcome> {
    let intended: MarkRecord | null = null;
    try {
      return await host.run(async (context) => {
        const wb = context.workbook;
        const active = wb.worksheets.getActiveWorksheet();
        const sheets = wb.worksheets;
        sheets.load('items/name');
        const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
        setting.load('value');
        const reads: SheetRead[] = [queueSheetRead(active, caps)];
        await context.sync(); // 1: the active sheet, the sheet list, the previous marks
        let located = locateForms([reads[0].snapshot()]);
        if (!located.found) {
          // Not on the active sheet: read the others, still in one batch.
          for (const ws of sheets.items) if (ws.name !== reads[0].sheetName()) reads.push(queueSheetRead(wb.worksheets.getItem(ws.name), caps));
          if (reads.length > 1) {
            await context.sync(); // 2 (only when the form is elsewhere)
            located = locateForms(reads.map((r) => r.snapshot()));
          }
        }
        if (!located.found) return { kind: 'not-a-form', message: located.message } as CheckOutcome;
        // Every form on the sheet that holds the first one (several may be stacked on it).
        const sheetIndex = located.forms[0].sheetIndex;
        const target = reads[sheetIndex];
        const result = combineResults(located.forms.filter((f) => f.sheetIndex === sheetIndex).map((f) => checkLocated(f.form, profile)));
        const sheetName = target.sheetName();
        const foundElsewhere = sheetIndex === 0 ? null : sheetName;
        const notices: string[] = [];
        if (target.isProtected()) {
          notices.push('工作表受保护，未在单元格上写标记；问题见下方列表。');
          return { kind: 'checked', result: { ...result, sheet: sheetName }, foundElsewhere, marked: 0, notices } as CheckOutcome;
        }
        if (!caps.notes) notices.push('当前 Excel 版本不支持批注（ExcelApi 1.18），单元格只标颜色，说明见下方列表。');

        const previous = setting.isNullObject ? null : parseRecord(setting.value);
        const plan = planMarks(result.findings);
        const ws = wb.worksheets.getItem(sheetName);
        // 2–3: notes already on the cells we touch, and the old marks' state if they are on another sheet.
        const noteCells = new Set(caps.notes ? plan.map((p) => p.address) : []);
        if (caps.notes && previous) for (const c of previous.cells) if (c.note && previous.sheet === sheetName) noteCells.add(c.address);
        const notes = new Map([...noteCells].map((a) => [a, ws.notes.getItemOrNullObject(a)] as const));
        notes.forEach((n) => n.load('content'));
        const names = new Set(sheets.items.map((w) => w.name));
        const elsewhere = previous && previous.sheet !== sheetName && names.has(previous.sheet) ? queueOldMarks(wb, previous, caps) : null;
        if (notes.size > 0 || elsewhere) await context.sync();

        // Write: put back old marks no longer needed, mark, note, record — one batch.
        const planned = new Set(plan.map((p) => p.address));
        const oldHere = new Map((previous && previous.sheet === sheetName ? previous.cells : []).map((c) => [c.address, c]));
        for (const old of oldHere.values()) {
          if (planned.has(old.address)) continue;
          if (sameColor(target.fillAt(old.address)?.color, old.mark)) restoreFill(ws.getRange(old.address), old.original);
          const n = notes.get(old.address);
          if (n && !n.isNullObject && n.content.startsWith(NOTE_PREFIX)) n.delete();
        }
        elsewhere?.restore();
        const cells: MarkedCell[] = plan.map((p) => {
          const current = target.fillAt(p.address) ?? NO_FILL;
          const old = oldHere.get(p.address);
          // A cell still showing last run's mark keeps last run's original.
          const original = old && sameColor(current.color, old.mark) ? old.original : current;
          const range = ws.getRange(p.address);
          range.format.fill.color = p.color;
          let note = false;
          if (caps.notes) {
            const existing = notes.get(p.address);
            if (existing && !existing.isNullObject) {
              if (existing.content.startsWith(NOTE_PREFIX)) {
                existing.content = p.note;
                note = true;
              } // a user's own note stays as it is
            } else {
              ws.notes.add(range, p.note);
              note = true;
            }
          }
          return { address: p.address, original, mark: p.color, note };
        });
        intended = { version: 1, sheet: sheetName, cells };
        if (foundElsewhere) ws.activate();
        wb.settings.add(RECORD_KEY, JSON.stringify(intended));
        await context.sync(); // last
        return { kind: 'checked', result: { ...result, sheet: sheetName }, foundElsewhere, marked: cells.length, notices } as CheckOutcome;
      }, { mergeUndoGroup: caps.undoGroup });
    } catch (e) {
      // A refused write must not leave half the marks: put back whatever of this run landed.
      if (intended) await host.run(async (context) => restoreRecord(context, intended as MarkRecord, caps)).catch(() => undefined);
      return { kind: 'error', message: excelErrorSentence(e) };
    }
  }

  async function clearMarks(): Promise<ClearOutcome> {
    try {
      return await host.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(RECORD_KEY);
        setting.load('value');
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync(); // 1
        const record = setting.isNullObject ? null : parseRecord(setting.value);
        if (!record) return { kind: 'cleared', restored: 0 } as ClearOutcome;
        const sheetExists = sheets.items.some((w) => w.name === record.sheet);
        const restored = await restoreRecord(context, record, caps, sheetExists); // 2, 3
        return { kind: 'cleared', restored } as ClearOutcome;
      }, { mergeUndoGroup: caps.undoGroup });
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e) };
    }
  }

  async function select(sheet: string, cell: string): Promise<ActionOutcome> {
    try {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
      return { kind: 'done' };
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e) };
    }
  }

  async function applyFixes(sheet: string, fixes: Fix[]): Promise<CheckOutcome> {
    try {
      await host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const ranges = fixes.map((f) => {
          const r = ws.getRange(f.cell);
          r.load(['values', 'numberFormat']);
          return r;
        });
        await context.sync();
        fixes.forEach((f, i) => {
          const w = fixWrite(f.value, { value: ranges[i].values[0][0], numberFormat: String(ranges[i].numberFormat[0][0] ?? '') });
          if (w.numberFormat) ranges[i].numberFormat = [[w.numberFormat]];
          ranges[i].values = [[w.value]];
        });
        await context.sync();
      }, { mergeUndoGroup: caps.undoGroup });
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e) };
    }
    return check();
  }

  async function exportFindings(sheet: string, findings: Finding[]): Promise<ActionOutcome> {
    try {
      await host.run(async (context) => {
        const old = context.workbook.worksheets.getItemOrNullObject(RESULT_SHEET);
        await context.sync();
        if (!old.isNullObject) old.delete();
        const ws = context.workbook.worksheets.add(RESULT_SHEET);
        const rows: (string | number)[][] = [['严重程度', '工作表', '单元格', '规则', '说明', '应为', '实填', '建议修正']];
        for (const f of findings) rows.push([SEVERITY_NAME[f.severity], sheet, f.cells[0] ?? '', f.rule, f.message, f.expected ?? '', f.actual ?? '', f.fix ? `${f.fix.cell} = ${f.fix.value}` : '']);
        const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
        range.numberFormat = rows.map((r) => r.map(() => '@'));
        range.values = rows;
        ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
        ws.activate();
        await context.sync();
      });
      return { kind: 'done' };
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e) };
    }
  }

  return { check, select, applyFixes, clearMarks, exportFindings };
}

/** Queues the reads of a record's cells (current fill, notes) and returns how to put them back. */
function queueOldMarks(wb: Excel.Workbook, record: MarkRecord, caps: Capabilities): { restore(): number } {
  const ws = wb.worksheets.getItem(record.sheet);
  const cells = record.cells.map((c) => {
    const range = ws.getRange(c.address);
    const props = range.getCellProperties({ format: { fill: { color: true } } });
    const note = caps.notes && c.note ? ws.notes.getItemOrNullObject(c.address) : null;
    note?.load('content');
    return { c, range, props, note };
  });
  return {
    restore: () => {
      let n = 0;
      for (const { c, range, props, note } of cells) {
        // Only a cell still showing our mark is put back: a colour the user chose since stays.
        if (sameColor(props.value[0][0].format?.fill?.color, c.mark)) {
          restoreFill(range, c.original);
          n++;
        }
        if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
      }
      return n;
    },
  };
}

/**
 * Puts back a record's marks (where the sheet still exists) and removes the record: two syncs.
 * `sheetExists` is known to the caller from a sheet list it already loaded; in a rollback the
 * sheet is the one just written, so it exists.
 */
async function restoreRecord(context: Excel.RequestContext, record: MarkRecord, caps: Capabilities, sheetExists = true): Promise<number> {
  const old = sheetExists ? queueOldMarks(context.workbook, record, caps) : null;
  const setting = context.workbook.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  await context.sync();
  const restored = old ? old.restore() : 0;
  if (!setting.isNullObject) setting.delete();
  await context.sync();
  return restored;
}

