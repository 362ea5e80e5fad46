import { checkLocated, combineResults, settleFixes } from '../../engine/check';
import { explainResults } from '../../engine/explain/apply';
import {
  EXPLANATIONS_NAMESPACE,
  type ExplanationPart,
  type StoredExplanation,
} from '../../engine/explain/types';
import { parseExplanations } from '../../engine/explain/xml';
import type { Finding, ProfileUsed } from '../../engine/findings/types';
import { parseA1 } from '../../engine/grid/address';
import type { GridSnapshot, RawValue } from '../../engine/grid/types';
import type { FormModel } from '../../engine/model/form';
import { RESULT_HEADER, resultRows } from '../../engine/findings/resultRows';
import { locateForms } from '../../engine/locate/locateForm';
import type { Layout } from '../../engine/reading/layout';
import { storeReading } from './readingStore';
import { chooseProfile } from '../../engine/profile/choose';
import type { Profile } from '../../engine/profile/profile';
import { excelErrorDetail, excelErrorSentence } from '../core/errors';
import { fixWrite } from '../core/fixValue';
import {
  type ActionOutcome,
  type CheckOptions,
  type CheckOutcome,
  type CheckScope,
  type ClearOutcome,
  type FormOutcome,
  type Gateway,
  type ReportInput,
  type ReportOutcome,
  type SheetFix,
  type SkippedFix,
  seenKey,
  type UnmarkedCells,
} from '../core/gateway';
import {
  planClear,
  planWrites,
  stateRequests,
  type TargetSheet,
  type WritePlan,
} from '../core/markPlan';
import { type MarkRecord, parseRecord, planMarks, RECORD_KEY } from '../core/marks';
import { withReport } from '../core/report';
import {
  addExplanation,
  loadExplanations,
  storeProfileChoice,
  type XmlPartsContext,
  type XmlRun,
} from './customXml';
import { type Capabilities, capabilitiesOf, type ExcelHost } from './excelHost';
import {
  queueSheetMeta,
  ReadCancelled,
  ReadRefused,
  readSheetContent,
  type SheetMeta,
} from './readSheet';
import { queueMarks, queueNotes, readStates, writeRecord } from './writeMarks';

export const RESULT_SHEET = '校验结果';
/** The result sheets 导出结果 made, by name (a sheet it did not make is never replaced). */
export const EXPORTS_KEY = 'selfeval.exports';
/** 校验结果, 校验结果（2）, …: result sheets hold no form, so 校验 never reads them. */
const RESULT_NAME = /^校验结果(（\d+）)?$/;

type Found = {
  snapshots: { snapshot: GridSnapshot; sheet: string; forms: FormModel[] }[];
  metas: Map<string, SheetMeta>;
  names: string[];
  previous: MarkRecord | null;
  foundElsewhere: string | null;
  part: ExplanationPart;
};

/**
 * Reads the sheets and locates their forms. Sync 1: the sheet list, the active sheet's used range
 * (cells with values only), the previous marks and the explanation part's id. Then the active
 * sheet's cells (a sync per chunk; the part's XML rides on the first). With scope 'sheet' the
 * other sheets are read only when the active one holds no form, stopping at the first form; with
 * 'workbook' every sheet is read, one at a time.
 */
async function readForms(
  context: Excel.RequestContext,
  scope: CheckScope,
  caps: Capabilities,
  control: CheckOptions,
): Promise<Found | { message: string }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
  setting.load('value');
  const parts = (context as unknown as XmlPartsContext).workbook.customXmlParts.getByNamespace(
    EXPLANATIONS_NAMESPACE,
  );
  parts.load('items/id');
  const active = queueSheetMeta(sheets.getActiveWorksheet());
  await context.sync(); // 1
  const names = sheets.items.map((s) => s.name);
  const previous = setting.isNullObject ? null : parseRecord(setting.value);
  const first = parts.items.find((x) => x.id);
  const xml = first ? first.getXml() : null; // read with the next sync
  const activeMeta = active.meta();
  const metas = new Map([[activeMeta.name, activeMeta]]);
  const snapshots: Found['snapshots'] = [];
  // The part (审核说明, profile, corrected readings) arrives with the first read's sync: the
  // readings it stores decide how each sheet is located.
  let part: ExplanationPart | null = null;
  const partNow = async (): Promise<ExplanationPart> => {
    if (!part) {
      const xmlText = xml ? await readClientValue(context, xml) : null;
      part = (xmlText && parseExplanations(xmlText)) || { profile: null, explanations: [] };
    }
    return part;
  };
  const readSheet = async (ws: Excel.Worksheet, meta: SheetMeta): Promise<number> => {
    const snapshot = await readSheetContent(context, ws, meta, caps, control);
    const located = locateForms([snapshot], (await partNow()).readings);
    const forms = located.found ? located.forms.map(({ form }) => form) : [];
    snapshots.push({ snapshot, sheet: meta.name, forms });
    return forms.length;
  };
  const onActive = await readSheet(active.ws, activeMeta);
  let foundElsewhere: string | null = null;
  if (scope === 'workbook' || onActive === 0) {
    const others = names
      .filter((n) => n !== activeMeta.name && !RESULT_NAME.test(n))
      .map((n) => queueSheetMeta(sheets.getItem(n)));
    if (others.length) await context.sync(); // every other sheet's used range, in one small response
    for (const o of others) {
      const meta = o.meta();
      metas.set(meta.name, meta);
      const n = await readSheet(o.ws, meta);
      if (n > 0 && onActive === 0 && foundElsewhere === null) foundElsewhere = meta.name;
      if (n > 0 && scope === 'sheet') break;
    }
  }
  // A blank sheet reads in no sync: the part's XML, when there is one, still needs its own.
  const stored = await partNow();
  if (!snapshots.some((s) => s.forms.length)) {
    const located = locateForms(
      snapshots.map((s) => s.snapshot),
      stored.readings,
    );
    return { message: located.found ? '' : located.message };
  }
  return {
    snapshots,
    metas,
    names,
    previous,
    foundElsewhere: scope === 'sheet' ? foundElsewhere : null,
    part: stored,
  };
}

/** A ClientResult's value, syncing only when the reads before did not already fill it. */
async function readClientValue(
  context: Excel.RequestContext,
  r: { value: string },
): Promise<string> {
  try {
    return r.value;
  } catch {
    await context.sync();
    return r.value;
  }
}

/** The raw value at an A1 address of a snapshot (null outside it). */
function valueAt(s: GridSnapshot, cell: string): RawValue {
  const ref = parseA1(cell);
  if (!ref) return null;
  return s.values[ref.row - s.originRow]?.[ref.col - s.originCol] ?? null;
}

/** Whether a cell still holds what the check saw: numbers by value, text trimmed, blank as blank. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === '' || v === undefined ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (x === null || y === null) return false;
  const nx = typeof x === 'number' ? x : Number(String(x).trim());
  const ny = typeof y === 'number' ? y : Number(String(y).trim());
  if (typeof x === 'number' || typeof y === 'number')
    return Number.isFinite(nx) && Number.isFinite(ny) && Math.abs(nx - ny) < 1e-9;
  return String(x).trim() === String(y).trim();
}

/**
 * The Excel side of the task pane, in three steps per operation: read (host), plan (pure, in
 * core/markPlan), write (host). Round trips depend on the sheets read, never on the findings.
 * `profile`, when given, is used whatever the workbook stores (tests, a fixed deployment).
 */
export function createExcelGateway(host: ExcelHost, profile?: Profile): Gateway {
  const caps = capabilitiesOf(host);
  const xmlRun: XmlRun = (batch) =>
    host.run((context) => batch(context as unknown as XmlPartsContext));

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

  /** Which cells of each protected sheet Excel will not let us format: one sync, only for such sheets. */
  async function lockedCells(
    context: Excel.RequestContext,
    wanted: { sheet: string; cells: string[] }[],
  ): Promise<Map<string, Set<string>>> {
    const queued = wanted.map((w) => {
      const ws = context.workbook.worksheets.getItem(w.sheet);
      return {
        sheet: w.sheet,
        cells: w.cells.map(
          (a) => [a, ws.getRange(a).getCellProperties({ format: { protection: true } })] as const,
        ),
      };
    });
    const out = new Map<string, Set<string>>();
    if (!queued.some((q) => q.cells.length)) return out;
    await context.sync();
    for (const q of queued)
      out.set(
        q.sheet,
        new Set(
          q.cells
            .filter(([, p]) => p.value[0][0].format?.protection?.locked !== false)
            .map(([a]) => a),
        ),
      );
    return out;
  }

  async function check(
    scope: CheckScope = 'sheet',
    reportIn?: ReportInput,
    control: CheckOptions = {},
    protectedReadOnly = false,
  ): Promise<CheckOutcome> {
    let intended: MarkRecord | null = null;
    let markedProtected = false;
    try {
      return await host.run(
        async (context) => {
          const found = await readForms(context, scope, caps, control);
          if ('message' in found)
            return { kind: 'not-a-form', message: found.message } as CheckOutcome;
          const { metas, names, previous, foundElsewhere, part } = found;
          const models = found.snapshots.flatMap((s) => s.forms);
          const chosen: { profile: Profile; used: ProfileUsed } = profile
            ? { profile, used: { id: profile.id, name: profile.name, why: '由加载项指定' } }
            : chooseProfile(models, { stored: part.profile });
          let forms: FormOutcome[] = [];
          const seen: Record<string, RawValue> = {};
          for (const s of found.snapshots) {
            if (!s.forms.length) continue;
            // One consistent fix plan for the sheet (docs/rules.md#r-4a): 全部修正 settles in one round.
            const results = settleFixes(
              s.snapshot,
              s.forms.map((form) => checkLocated(form, chosen.profile)),
              chosen.profile,
              part.readings,
              s.forms,
            );
            for (const r of explainResults(results, part.explanations)) {
              forms.push({ ...r, profile: chosen.used, sheet: s.sheet });
              // What the check saw: each fix's cell (修正 compares), each finding's cell and the
              // 总分 row's 分值 (the pane says 应为/实填 of the cell named, and full marks as stated).
              const cells = [
                ...r.findings.flatMap((f) => [f.cells[0], f.fix?.cell]),
                r.reading?.totalCells?.weight,
              ];
              for (const c of cells) if (c) seen[seenKey(s.sheet, c)] = valueAt(s.snapshot, c);
            }
          }
          let report: ReportOutcome | undefined;
          // The report's findings join its form's before the marks are planned: one plan, one record.
          if (reportIn) ({ forms, report } = withReport(forms, models, reportIn, chosen.profile));
          const notices: string[] = [];
          const bySheet = [...new Set(forms.map((f) => f.sheet))];
          const targets: TargetSheet[] = bySheet.map((sheet) => {
            const meta = metas.get(sheet);
            return {
              sheet,
              findings: forms.filter((f) => f.sheet === sheet).flatMap((f) => f.findings),
              writable: !(meta?.protected && protectedReadOnly),
              noNotes: !!meta?.protected,
            };
          });
          // A protected sheet: marks only where Excel allows formatting (unlocked cells, or a
          // protection that allows formatting cells); the rest are listed.
          const locked = await lockedCells(
            context,
            targets
              .filter(
                (t) =>
                  t.writable &&
                  metas.get(t.sheet)?.protected &&
                  !metas.get(t.sheet)?.allowFormatCells,
              )
              .map((t) => ({
                sheet: t.sheet,
                cells: [
                  ...new Set([
                    ...planMarks(t.findings).map((p) => p.address),
                    ...(previous?.sheets.find((x) => x.sheet === t.sheet)?.cells ?? []).map(
                      (c) => c.address,
                    ),
                  ]),
                ],
              })),
          );
          const unmarked: UnmarkedCells[] = [];
          for (const t of targets) {
            if (!metas.get(t.sheet)?.protected) continue;
            t.blocked = t.writable ? locked.get(t.sheet) : undefined;
            const cells = planMarks(t.findings)
              .map((p) => p.address)
              .filter((a) => !t.writable || t.blocked?.has(a));
            if (t.writable && planMarks(t.findings).length > cells.length) markedProtected = true;
            if (cells.length) {
              unmarked.push({ sheet: t.sheet, cells });
              notices.push(
                `工作表“${t.sheet}”受保护，${cells.length} 个单元格不能标色：${cells.join('、')}。这些问题只在下方列表中。`,
              );
            }
          }
          if (!caps.notes)
            notices.push('这个版本的 Excel 不能写批注：单元格只标颜色，说明见下方列表。');
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
            } catch {
              notices.push('批注没能写入：单元格已标色，说明见下方列表。');
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
            seen,
            storedProfile: part.profile,
            ...(unmarked.length ? { unmarked } : {}),
            ...(report ? { report } : {}),
          } as CheckOutcome;
        },
        { mergeUndoGroup: caps.undoGroup },
      );
    } catch (e) {
      // A refused write must not leave half the marks: put back whatever of this run landed.
      if (intended) await rollback(intended).catch(() => undefined);
      if (e instanceof ReadCancelled) return { kind: 'cancelled', message: e.message };
      // Excel refused a mark on a protected sheet after all: check again, listing instead of marking.
      if (markedProtected && !protectedReadOnly) return check(scope, reportIn, control, true);
      if (e instanceof ReadRefused) return { kind: 'error', message: e.message, detail: e.detail };
      return { kind: 'error', message: excelErrorSentence(e), detail: excelErrorDetail(e) };
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
      return { kind: 'error', message: excelErrorSentence(e), detail: excelErrorDetail(e) };
    }
  }

  /**
   * Writes the fixes whose cells still hold what the check saw and that Excel lets us write (a
   * protected sheet's locked cells never); the others are skipped and listed. Two syncs: read, write.
   */
  async function applyFixes(
    fixes: SheetFix[],
    scope: CheckScope = 'sheet',
    report?: ReportInput,
  ): Promise<CheckOutcome> {
    const skipped: SkippedFix[] = [];
    try {
      await host.run(
        async (context) => {
          const sheetNames = [...new Set(fixes.map((f) => f.sheet))];
          const protections = new Map(
            sheetNames.map((name) => {
              const p = context.workbook.worksheets.getItem(name).protection;
              p.load('protected');
              return [name, p] as const;
            }),
          );
          const ranges = fixes.map((f) => {
            const range = context.workbook.worksheets.getItem(f.sheet).getRange(f.cell);
            range.load(['values', 'numberFormat']);
            return {
              range,
              lock: range.getCellProperties({ format: { protection: true } }),
            };
          });
          await context.sync();
          let writes = 0;
          fixes.forEach((f, i) => {
            const { range, lock } = ranges[i];
            const now = range.values[0][0] as RawValue;
            if (
              protections.get(f.sheet)?.protected &&
              lock.value[0][0].format?.protection?.locked !== false
            ) {
              skipped.push({ sheet: f.sheet, cell: f.cell, why: 'locked' });
              return;
            }
            if (f.seen !== undefined && !sameValue(now, f.seen)) {
              skipped.push({ sheet: f.sheet, cell: f.cell, why: 'changed', now });
              return;
            }
            const w = fixWrite(f.value, {
              value: now,
              numberFormat: String(range.numberFormat[0][0] ?? ''),
            });
            if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
            range.values = [[w.value]];
            writes++;
          });
          if (writes) await context.sync();
        },
        { mergeUndoGroup: caps.undoGroup },
      );
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e), detail: excelErrorDetail(e) };
    }
    const out = await check(scope, report);
    if (out.kind !== 'checked' || !skipped.length) return out;
    const changed = skipped.filter((s) => s.why === 'changed').map((s) => s.cell);
    const locked = skipped.filter((s) => s.why === 'locked').map((s) => s.cell);
    const notices = [...out.notices];
    if (changed.length)
      notices.push(
        `${changed.join('、')} 在校验之后被改过，没有修正：列表已按现在的内容重新校验，请再看一遍。`,
      );
    if (locked.length)
      notices.push(
        `${locked.join('、')} 在受保护的工作表上被锁定，没有修正：请撤销工作表保护后再修正。`,
      );
    return { ...out, notices, skipped };
  }

  async function exportFindings(forms: FormOutcome[]): Promise<ActionOutcome> {
    try {
      const name = await host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const setting = context.workbook.settings.getItemOrNullObject(EXPORTS_KEY);
        setting.load('value');
        await context.sync();
        const taken = new Set(sheets.items.map((s) => s.name));
        const ours = new Set(setting.isNullObject ? [] : parseNames(setting.value));
        // Ours again: emptied and rewritten (never deleted: Worksheet.delete clears the undo
        // stack). Someone else's: left alone, a new name beside it.
        let target = RESULT_SHEET;
        for (let n = 2; taken.has(target) && !ours.has(target); n++)
          target = `${RESULT_SHEET}（${n}）`;
        const ws = taken.has(target) ? sheets.getItem(target) : sheets.add(target);
        if (taken.has(target)) ws.getUsedRange().clear();
        const rows: string[][] = [[...RESULT_HEADER], ...resultRows(forms).map((r) => r.values)];
        const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
        range.numberFormat = rows.map((r) => r.map(() => '@'));
        range.values = rows;
        ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
        ws.activate();
        ours.add(target);
        context.workbook.settings.add(EXPORTS_KEY, JSON.stringify([...ours]));
        await context.sync();
        return target;
      });
      return { kind: 'done', sheet: name };
    } catch (e) {
      return { kind: 'error', message: excelErrorSentence(e), detail: excelErrorDetail(e) };
    }
  }

  async function explain(
    sheet: string,
    finding: Finding,
    text: string,
    scope: CheckScope = 'sheet',
    report?: ReportInput,
  ): Promise<CheckOutcome> {
    if (finding.severity === 'error' || !finding.key)
      return { kind: 'error', message: '错误不能用审核说明解释：请改正表格。' };
    const entry: StoredExplanation = {
      ...finding.key,
      sheet,
      text,
      by: null,
      at: new Date().toISOString(),
      cell: finding.cells[0] ?? null,
    };
    try {
      await addExplanation(xmlRun, entry);
    } catch (e) {
      return {
        kind: 'error',
        message: '审核说明没能保存到工作簿，请重试。',
        detail: excelErrorDetail(e),
      };
    }
    return check(scope, report);
  }

  async function setProfile(id: string | null, scope: CheckScope = 'sheet'): Promise<CheckOutcome> {
    try {
      await storeProfileChoice(xmlRun, id);
    } catch (e) {
      return {
        kind: 'error',
        message: '评分口径没能保存到工作簿，请重试。',
        detail: excelErrorDetail(e),
      };
    }
    return check(scope);
  }

  async function storedProfile(): Promise<string | null> {
    return (await loadExplanations(xmlRun)).profile;
  }

  async function correctReading(
    sheet: string,
    layout: Layout,
    scope: CheckScope = 'sheet',
  ): Promise<CheckOutcome> {
    try {
      await storeReading(xmlRun, { ...layout, sheet });
    } catch (e) {
      return {
        kind: 'error',
        message: '读取方式的更正没能保存到工作簿，请重试。',
        detail: excelErrorDetail(e),
      };
    }
    return check(scope);
  }

  return {
    check,
    select,
    applyFixes,
    clearMarks,
    exportFindings,
    explain,
    setProfile,
    storedProfile,
    correctReading,
  };
}

function parseNames(v: unknown): string[] {
  try {
    const a: unknown = JSON.parse(String(v));
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
