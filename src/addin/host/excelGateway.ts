import { checkLocated, combineResults, settleFixes } from '../../engine/check';
import type { GridSnapshot } from '../../engine/grid/types';
import type { FormModel } from '../../engine/model/form';
import { locateForms } from '../../engine/locate/locateForm';
import { NATIONAL_PROFILE, type Profile } from '../../engine/profile/profile';
import { SEVERITY } from '../../engine/findings/severity';
import { ruleMeta } from '../../engine/rules';
import { excelErrorSentence } from '../core/errors';
import { fixWrite } from '../core/fixValue';
import type {
  ActionOutcome,
  CheckOutcome,
  CheckScope,
  ClearOutcome,
  FormOutcome,
  Gateway,
  ReportInput,
  ReportOutcome,
  SheetFix,
} from '../core/gateway';
import {
  planClear,
  planWrites,
  stateRequests,
  type TargetSheet,
  type WritePlan,
} from '../core/markPlan';
import { type MarkRecord, parseRecord, RECORD_KEY } from '../core/marks';
import { withReport } from '../core/report';
import { type Capabilities, capabilitiesOf, type ExcelHost } from './excelHost';
import { queueSheetMeta, readSheetContent, type SheetMeta } from './readSheet';
import { queueMarks, queueNotes, readStates, writeRecord } from './writeMarks';

export const RESULT_SHEET = '校验结果';

type Found = {
  forms: FormOutcome[];
  /** The located form of each of `forms` (the report is cross-checked against it). */
  models: FormModel[];
  metas: Map<string, SheetMeta>;
  names: string[];
  previous: MarkRecord | null;
  foundElsewhere: string | null;
};

/**
 * Reads the sheets and checks their forms. Sync 1: the sheet list, the active sheet's used range
 * and the previous marks. Then the active sheet's cells (a sync per chunk). With scope 'sheet' the
 * other sheets are read only when the active one holds no form, one sheet at a time, stopping at
 * the first form; with 'workbook' every sheet is read, one at a time.
 */
async function readForms(
  context: Excel.RequestContext,
  scope: CheckScope,
  caps: Capabilities,
  profile: Profile,
): Promise<Found | { message: string }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  const active = queueSheetMeta(sheets.getActiveWorksheet());
  await context.sync(); // 1
  const names = sheets.items.map((s) => s.name);
  const previous = setting.isNullObject ? null : parseRecord(setting.value);
  const activeMeta = active.meta();
  const metas = new Map([[activeMeta.name, activeMeta]]);
  const forms: FormOutcome[] = [];
  const models: FormModel[] = [];
  const snapshots: GridSnapshot[] = [];
  const checkSheet = async (ws: Excel.Worksheet, meta: SheetMeta): Promise<number> => {
    const snapshot = await readSheetContent(context, ws, meta, caps);
    snapshots.push(snapshot);
    const located = locateForms([snapshot]);
    if (!located.found) return 0;
    // One consistent fix plan for the sheet (docs/rules.md#r-4a): 全部修正 settles in one round.
    const results = settleFixes(
      snapshot,
      located.forms.map(({ form }) => checkLocated(form, profile)),
      profile,
    );
    for (const r of results) forms.push({ ...r, sheet: meta.name });
    models.push(...located.forms.map(({ form }) => form));
    return results.length;
  };
  const onActive = await checkSheet(active.ws, activeMeta);
  let foundElsewhere: string | null = null;
  if (scope === 'workbook' || onActive === 0) {
    const others = names
      .filter((n) => n !== activeMeta.name && n !== RESULT_SHEET)
      .map((n) => queueSheetMeta(sheets.getItem(n)));
    if (others.length) await context.sync(); // every other sheet's used range, in one small response
    for (const o of others) {
      const meta = o.meta();
      metas.set(meta.name, meta);
      const n = await checkSheet(o.ws, meta);
      if (n > 0 && onActive === 0 && foundElsewhere === null) foundElsewhere = meta.name;
      if (n > 0 && scope === 'sheet') break;
    }
  }
  if (forms.length === 0) {
    const located = locateForms(snapshots);
    return { message: located.found ? '' : located.message };
  }
  return {
    forms,
    models,
    metas,
    names,
    previous,
    foundElsewhere: scope === 'sheet' ? foundElsewhere : null,
  };
}

/**
 * The Excel side of the task pane, in three steps per operation: read (host), plan (pure, in
 * core/markPlan), write (host). Round trips depend on the sheets read, never on the findings.
 */
export function createExcelGateway(host: ExcelHost, profile: Profile = NATIONAL_PROFILE): Gateway {
  const caps = capabilitiesOf(host);

  /** Puts back whatever of a refused write landed: every cell still showing this run's mark. */
  async function rollback(record: MarkRecord): Promise<void> {
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const existing = new Set(sheets.items.map((s) => s.name));
      const states = await readStates(context, stateRequests([], record, existing, false), {
        ...caps,
        notes: false,
        comments: false,
      });
      queueMarks(context, planClear(record, states, existing));
      await context.sync();
    });
  }

  async function check(scope: CheckScope = 'sheet', reportIn?: ReportInput): Promise<CheckOutcome> {
    let intended: MarkRecord | null = null;
    try {
      return await host.run(
        async (context) => {
          const found = await readForms(context, scope, caps, profile);
          if ('message' in found)
            return { kind: 'not-a-form', message: found.message } as CheckOutcome;
          const { metas, names, previous, foundElsewhere } = found;
          let forms = found.forms;
          let report: ReportOutcome | undefined;
          // The report's findings join its form's before the marks are planned: one plan, one record.
          if (reportIn) ({ forms, report } = withReport(forms, found.models, reportIn, profile));
          const notices: string[] = [];
          const bySheet = [...new Set(forms.map((f) => f.sheet))];
          const targets: TargetSheet[] = bySheet.map((sheet) => ({
            sheet,
            findings: forms.filter((f) => f.sheet === sheet).flatMap((f) => f.findings),
            writable: !metas.get(sheet)?.protected,
          }));
          for (const t of targets)
            if (!t.writable)
              notices.push(`工作表“${t.sheet}”受保护，未在单元格上写标记；问题见下方列表。`);
          if (!caps.notes)
            notices.push(
              '当前 Excel 不支持批注（ExcelApi 1.18），单元格只标颜色，说明见下方列表。',
            );
          const existing = new Set(names);
          const states = await readStates(
            context,
            stateRequests(targets, previous, existing, caps.notes),
            caps,
          );
          const plan = planWrites(targets, previous, states, existing, caps.notes);
          if (plan.sheets.some((s) => s.restore.length || s.mark.length) || previous) {
            queueMarks(context, plan);
            writeRecord(context, plan.record, previous !== null);
            if (foundElsewhere) context.workbook.worksheets.getItem(foundElsewhere).activate();
            intended = plan.record;
            await context.sync(); // the marks and the record
          }
          if (caps.notes && plan.sheets.some((s) => s.notes.length)) {
            try {
              queueNotes(context, plan);
              await context.sync(); // the notes: refused, they cost nothing but themselves
            } catch (e) {
              notices.push(
                `批注未能写入（${excelErrorSentence(e)}）；单元格已标色，说明见下方列表。`,
              );
            }
          }
          const result = { ...combineResults(forms), sheet: forms[0].sheet } as FormOutcome;
          return {
            kind: 'checked',
            scope,
            forms,
            result,
            foundElsewhere,
            marked: plan.marked,
            notices,
            ...(report ? { report } : {}),
          } as CheckOutcome;
        },
        { mergeUndoGroup: caps.undoGroup },
      );
    } catch (e) {
      // A refused write must not leave half the marks: put back whatever of this run landed.
      if (intended) await rollback(intended).catch(() => undefined);
      return { kind: 'error', message: excelErrorSentence(e) };
    }
  }

  async function clearMarks(): Promise<ClearOutcome> {
    try {
      return await host.run(
        async (context) => {
          const setting = context.workbook.settings.getItemOrNullObject(RECORD_KEY);
          setting.load('value');
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await context.sync(); // 1
          const record = setting.isNullObject ? null : parseRecord(setting.value);
          if (!record) return { kind: 'cleared', restored: 0 } as ClearOutcome;
          const existing = new Set(sheets.items.map((s) => s.name));
          const states = await readStates(
            context,
            stateRequests([], record, existing, caps.notes),
            { ...caps, comments: false },
          ); // 2
          const plan: WritePlan = planClear(record, states, existing);
          queueMarks(context, plan);
          if (caps.notes) queueNotes(context, plan);
          writeRecord(context, plan.record, true);
          await context.sync(); // 3
          return {
            kind: 'cleared',
            restored: plan.sheets.reduce((n, s) => n + s.restore.length, 0),
          } as ClearOutcome;
        },
        { mergeUndoGroup: caps.undoGroup },
      );
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

  async function applyFixes(
    fixes: SheetFix[],
    scope: CheckScope = 'sheet',
    report?: ReportInput,
  ): Promise<CheckOutcome> {
    try {
      await host.run(
        async (context) => {
          const ranges = fixes.map((f) =>
            context.workbook.worksheets
              .getItem(f.sheet)
              .getRange(f.cell)
              .load(['values', 'numberFormat']),
          );
          await context.sync();
          fixes.forEach((f, i) => {
            const w = fixWrite(f.value, {
              value: ranges[i].values[0][0],
              numberFormat: String(ranges[i].numberFormat[0][0] ?? ''),
            });
            if (w.numberFormat) ranges[i].numberFormat = [[w.numberFormat]];
            ranges[i].values = [[w.value]];
          });
          await context.sync();
        },
        { mergeUndoGroup: caps.undoGroup },
      );
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e) };
    }
    return check(scope, report);
  }

  async function exportFindings(forms: FormOutcome[]): Promise<ActionOutcome> {
    try {
      await host.run(async (context) => {
        const old = context.workbook.worksheets.getItemOrNullObject(RESULT_SHEET);
        await context.sync();
        if (!old.isNullObject) old.delete();
        const ws = context.workbook.worksheets.add(RESULT_SHEET);
        const rows: (string | number)[][] = [
          ['严重程度', '工作表', '单元格', '规则', '规则名称', '说明', '应为', '实填', '建议修正'],
        ];
        for (const form of forms) {
          const where = form.form ? `${form.sheet} ${form.form}` : form.sheet;
          for (const f of form.findings)
            rows.push([
              SEVERITY[f.severity].name,
              where,
              f.cells[0] ?? '',
              f.rule,
              ruleMeta(f.rule)?.title ?? '',
              f.message,
              f.expected ?? '',
              f.actual ?? '',
              f.fix ? `${f.fix.cell} = ${f.fix.value}` : '',
            ]);
        }
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
