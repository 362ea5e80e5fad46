import { checkLocated, combineResults, settleFixes } from '../../engine/check';
import type { GridSnapshot } from '../../engine/grid/types';
import { RESULT_HEADER, resultRows } from '../../engine/findings/resultRows';
import { locateForms } from '../../engine/locate/locateForm';
import type { FormModel } from '../../engine/model/form';
import { NATIONAL_PROFILE, type Profile } from '../../engine/profile/profile';
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
  type SheetState,
  type StateRequest,
  stateRequests,
  type TargetSheet,
  type WritePlan,
} from '../core/markPlan';
import { isNoFill, type MarkRecord, type OriginalFill } from '../core/marks';
import { withReport } from '../core/report';
import { bgrToHex, hexToBgr } from './colors';
import {
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  XL_NONE,
  XL_SOLID,
} from './et';
import { type EtBox, boxOf, readEtSheet } from './readEt';
import { readRecord, writeRecord } from './store';

export const RESULT_SHEET = '校验结果';

/** A refusal of our own, before WPS is asked (no workbook open, a locked cell). */
export class WpsRefusal extends Error {}

/** ET errors as one sentence for a finance officer. */
export function wpsErrorSentence(e: unknown): string {
  if (e instanceof WpsRefusal) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  if (/edit|编辑/i.test(message))
    return 'WPS 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点校验。';
  if (/protect|保护/i.test(message))
    return '工作表受保护，无法写入标记：请先撤销工作表保护（审阅 → 撤销工作表保护），或只查看任务窗格中的结果。';
  return `WPS 拒绝了本次操作（${message}），工作表未作改动。`;
}

const NO_FILL: OriginalFill = {
  color: null,
  pattern: null,
  tintAndShade: null,
  patternColor: null,
  patternTintAndShade: null,
};

interface SheetMeta {
  name: string;
  protected: boolean;
  box: EtBox;
}

type Found = {
  forms: FormOutcome[];
  models: FormModel[];
  metas: Map<string, SheetMeta>;
  names: string[];
  previous: MarkRecord | null;
  foundElsewhere: string | null;
};

function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsRefusal('没有打开的工作簿：请先在 WPS 表格中打开自评表，再点校验。');
  return wb;
}

function sheetNames(wb: EtWorkbook): string[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(sheets.Item(i).Name);
  return out;
}

function metaOf(ws: EtWorksheet, name: string): SheetMeta {
  return { name, protected: ws.ProtectContents, box: boxOf(ws.UsedRange) };
}

/** The fill as ET reports it; "no fill" (ColorIndex -4142) costs two calls, a fill five more. */
function fillOf(r: EtRange): OriginalFill {
  const it = r.Interior;
  if (it.ColorIndex === XL_NONE) return NO_FILL;
  const pattern = it.Pattern;
  if (pattern === XL_NONE) return NO_FILL;
  return {
    color: bgrToHex(it.Color),
    pattern: String(pattern),
    tintAndShade: it.TintAndShade,
    patternColor: pattern === XL_SOLID ? null : bgrToHex(it.PatternColor),
    patternTintAndShade: null,
  };
}

function restoreFill(r: EtRange, o: OriginalFill): void {
  const it = r.Interior;
  if (isNoFill(o) || o.color === null) {
    it.ColorIndex = XL_NONE;
    return;
  }
  it.Color = hexToBgr(o.color);
  const pattern = Number(o.pattern);
  if (Number.isFinite(pattern) && pattern !== XL_SOLID) it.Pattern = pattern;
  if (o.tintAndShade !== null && o.tintAndShade !== 0) it.TintAndShade = o.tintAndShade;
  if (o.patternColor !== null && pattern !== XL_SOLID) it.PatternColor = hexToBgr(o.patternColor);
}

/**
 * The WPS 表格 side of the task pane, over the ET object model. The same three steps as Excel
 * (read, plan in core/markPlan, write), but every ET call is synchronous and crosses into WPS, so
 * reads take whole ranges and state is read only for the cells the plan touches.
 */
export function createWpsGateway(app: EtApplication, profile: Profile = NATIONAL_PROFILE): Gateway {
  /** One undo step where WPS offers custom undo records; ET is not documented to. */
  function inUndoStep<T>(work: () => T): T {
    const undo = app.UndoRecord;
    if (!undo) return work();
    undo.StartCustomRecord('自评表校验');
    try {
      return work();
    } finally {
      undo.EndCustomRecord();
    }
  }

  function readForms(wb: EtWorkbook, scope: CheckScope): Found | { message: string } {
    const names = sheetNames(wb);
    const active = wb.ActiveSheet;
    const activeMeta = metaOf(active, active.Name);
    const previous = readRecord(wb);
    const metas = new Map([[activeMeta.name, activeMeta]]);
    const forms: FormOutcome[] = [];
    const models: FormModel[] = [];
    const snapshots: GridSnapshot[] = [];
    const checkSheet = (ws: EtWorksheet, meta: SheetMeta): number => {
      const snapshot = readEtSheet(ws, meta.name, meta.box);
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
    const onActive = checkSheet(active, activeMeta);
    let foundElsewhere: string | null = null;
    if (scope === 'workbook' || onActive === 0) {
      for (const name of names) {
        if (name === activeMeta.name || name === RESULT_SHEET) continue;
        const ws = wb.Worksheets.Item(name);
        const meta = metaOf(ws, name);
        metas.set(name, meta);
        const n = checkSheet(ws, meta);
        if (n > 0 && onActive === 0 && foundElsewhere === null) foundElsewhere = name;
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

  /** The fills and notes the plan needs: only the cells it will touch. */
  function readStates(wb: EtWorkbook, requests: StateRequest[]): SheetState[] {
    return requests.map((req) => {
      const ws = wb.Worksheets.Item(req.sheet);
      const ranges = new Map<string, EtRange>();
      const at = (a: string) => ranges.get(a) ?? ranges.set(a, ws.Range(a)).get(a)!;
      const fills = new Map(req.fills.map((a) => [a, fillOf(at(a))] as [string, OriginalFill]));
      const notes = new Map<string, string>();
      for (const a of req.notes) {
        const c = at(a).Comment;
        if (c) notes.set(a, c.Text());
      }
      // WPS has one kind of comment, the 批注 read above: no threaded comments to step around.
      return { sheet: req.sheet, fills, notes, comments: new Set<string>() };
    });
  }

  function writeMarks(wb: EtWorkbook, plan: WritePlan): void {
    for (const s of plan.sheets) {
      const ws = wb.Worksheets.Item(s.sheet);
      for (const r of s.restore) restoreFill(ws.Range(r.address), r.original);
      for (const m of s.mark) ws.Range(m.address).Interior.Color = hexToBgr(m.color);
    }
  }

  /** Notes: only ours are replaced or deleted (the plan checked the prefix). */
  function writeNotes(wb: EtWorkbook, plan: WritePlan): void {
    for (const s of plan.sheets) {
      const ws = wb.Worksheets.Item(s.sheet);
      for (const op of s.notes) {
        const r = ws.Range(op.address);
        if (op.kind === 'add') r.AddComment(op.text);
        else {
          r.Comment?.Delete();
          if (op.kind === 'update') r.AddComment(op.text);
        }
      }
    }
  }

  /** Puts back whatever of a refused write landed: every cell still showing this run's mark. */
  function rollback(wb: EtWorkbook, record: MarkRecord): void {
    const existing = new Set(sheetNames(wb));
    const states = readStates(wb, stateRequests([], record, existing, false));
    const plan = planClear(record, states, existing);
    for (const s of plan.sheets) {
      const ws = wb.Worksheets.Item(s.sheet);
      for (const r of s.restore) {
        try {
          restoreFill(ws.Range(r.address), r.original);
        } catch {
          // a cell WPS still refuses keeps its mark; the others are put back
        }
      }
    }
  }

  function checkNow(scope: CheckScope, reportIn?: ReportInput): CheckOutcome {
    let intended: MarkRecord | null = null;
    let wb: EtWorkbook | null = null;
    try {
      wb = activeWorkbook(app);
      const book = wb;
      const found = readForms(book, scope);
      if ('message' in found) return { kind: 'not-a-form', message: found.message };
      const { metas, names, previous, foundElsewhere } = found;
      let forms = found.forms;
      let report: ReportOutcome | undefined;
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
      const existing = new Set(names);
      const states = readStates(book, stateRequests(targets, previous, existing, true));
      const plan = planWrites(targets, previous, states, existing, true);
      inUndoStep(() => {
        if (plan.sheets.some((s) => s.restore.length || s.mark.length) || previous) {
          intended = plan.record;
          writeMarks(book, plan);
          writeRecord(book, plan.record);
          if (foundElsewhere) book.Worksheets.Item(foundElsewhere).Activate();
        }
        if (plan.sheets.some((s) => s.notes.length)) {
          try {
            writeNotes(book, plan);
          } catch (e) {
            notices.push(`批注未能写入（${wpsErrorSentence(e)}）；单元格已标色，说明见下方列表。`);
          }
        }
      });
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
      };
    } catch (e) {
      // A refused write must not leave half the marks: put back whatever of this run landed.
      if (intended && wb) {
        try {
          rollback(wb, intended);
        } catch {
          // the sentence below still reaches the pane
        }
      }
      return { kind: 'error', message: wpsErrorSentence(e) };
    }
  }

  function clearNow(): ClearOutcome {
    try {
      const wb = activeWorkbook(app);
      const record = readRecord(wb);
      if (!record) return { kind: 'cleared', restored: 0 };
      const existing = new Set(sheetNames(wb));
      const states = readStates(wb, stateRequests([], record, existing, true));
      const plan = planClear(record, states, existing);
      inUndoStep(() => {
        writeMarks(wb, plan);
        writeNotes(wb, plan);
        writeRecord(wb, plan.record);
      });
      return { kind: 'cleared', restored: plan.sheets.reduce((n, s) => n + s.restore.length, 0) };
    } catch (e) {
      return { kind: 'error', message: wpsErrorSentence(e) };
    }
  }

  function fixNow(fixes: SheetFix[]): ActionOutcome {
    try {
      const wb = activeWorkbook(app);
      const cells = fixes.map((f) => {
        const ws = wb.Worksheets.Item(f.sheet);
        const r = ws.Range(f.cell);
        // On a protected sheet only unlocked cells take a value: say which, before writing any.
        if (ws.ProtectContents && r.Locked !== false)
          throw new WpsRefusal(
            `工作表“${f.sheet}”受保护，单元格 ${f.cell} 已锁定，未写入修正：请先撤销工作表保护再修正。`,
          );
        const v = r.Value2;
        const nf = r.NumberFormat;
        return {
          f,
          r,
          w: fixWrite(f.value, { value: Array.isArray(v) ? v[0][0] : v, numberFormat: nf }),
        };
      });
      inUndoStep(() => {
        for (const { r, w } of cells) {
          if (w.numberFormat) r.NumberFormat = w.numberFormat;
          r.Value2 = w.value;
        }
      });
      return { kind: 'done' };
    } catch (e) {
      return { kind: 'error', message: wpsErrorSentence(e) };
    }
  }

  function selectNow(sheet: string, cell: string): ActionOutcome {
    try {
      const ws = activeWorkbook(app).Worksheets.Item(sheet);
      ws.Activate();
      ws.Range(cell).Select();
      return { kind: 'done' };
    } catch (e) {
      return { kind: 'error', message: wpsErrorSentence(e) };
    }
  }

  function exportNow(forms: FormOutcome[]): ActionOutcome {
    try {
      const wb = activeWorkbook(app);
      const names = sheetNames(wb);
      if (names.includes(RESULT_SHEET)) {
        // Deleting a sheet asks the user to confirm unless alerts are off.
        const alerts = app.DisplayAlerts;
        app.DisplayAlerts = false;
        try {
          wb.Worksheets.Item(RESULT_SHEET).Delete();
        } finally {
          app.DisplayAlerts = alerts;
        }
      }
      const sheets = wb.Worksheets;
      // Before left out, After the last sheet: the result goes to the end, as in Excel.
      const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
      ws.Name = RESULT_SHEET;
      const rows: string[][] = [[...RESULT_HEADER], ...resultRows(forms).map((r) => r.values)];
      const last = rows.length;
      const all = ws.Range(`A1:J${last}`);
      all.NumberFormat = '@';
      all.Value2 = rows;
      ws.Range('A1:J1').Font.Bold = true;
      ws.Activate();
      return { kind: 'done' };
    } catch (e) {
      return { kind: 'error', message: wpsErrorSentence(e) };
    }
  }

  return {
    check: (scope = 'sheet', report) => Promise.resolve(checkNow(scope, report)),
    select: (sheet, cell) => Promise.resolve(selectNow(sheet, cell)),
    applyFixes: (fixes, scope = 'sheet', report) => {
      const done = fixNow(fixes);
      if (done.kind === 'error') return Promise.resolve(done);
      return Promise.resolve(checkNow(scope, report));
    },
    clearMarks: () => Promise.resolve(clearNow()),
    exportFindings: (forms) => Promise.resolve(exportNow(forms)),
  };
}
