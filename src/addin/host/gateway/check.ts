import { combineResults } from '../../../engine/check';
import type {
  CheckOptions,
  CheckOutcome,
  CheckScope,
  FormOutcome,
  ReportInput,
  ReportOutcome,
} from '../../core/gateway';
import { planWrites, stateRequests, type TargetSheet, type WritePlan } from '../../core/markPlan';
import type { MarkRecord } from '../../core/marks';
import { type OutlineTarget, outlineStrips, planOutlines } from '../../core/outlinePlan';
import { withReport } from '../../core/report';
import {
  borderStates,
  outlineTargets,
  queueOutlines,
  withBorderRequests,
  withOutlines,
} from '../outlines';
import { ReadCancelled, ReadRefused } from '../readSheet';
import { queueMarks, queueNotes, readStates, writeRecord } from '../writeMarks';
import { type GatewayContext, refusal } from './context';
import { type Evaluated, evaluate } from './evaluate';
import { protectTargets } from './protection';
import { type Found, readForms } from './readForms';
import { rollback } from './rollback';

/** What one 校验 asks for. */
export interface CheckRequest {
  scope: CheckScope;
  report?: ReportInput;
  control: CheckOptions;
  /** A protected sheet is only listed, never marked (after Excel refused a mark there). */
  protectedReadOnly: boolean;
}

/** What a run wrote or tried, for the recovery after a refusal. */
interface RunState {
  intended: MarkRecord | null;
  markedProtected: boolean;
}

/**
 * 校验: read (readForms), check (evaluate), plan (core/markPlan), write. Round trips depend on
 * the sheets read, never on the findings.
 */
export async function check(
  g: GatewayContext,
  scope: CheckScope = 'sheet',
  report?: ReportInput,
  control: CheckOptions = {},
  protectedReadOnly = false,
): Promise<CheckOutcome> {
  const run: RunState = { intended: null, markedProtected: false };
  const req: CheckRequest = { scope, report, control, protectedReadOnly };
  try {
    return await g.host.run((context) => checkIn(g, context, req, run), {
      mergeUndoGroup: g.caps.undoGroup,
    });
  } catch (e) {
    // A refused write must not leave half the marks: put back whatever of this run landed.
    if (run.intended) await rollback(g, run.intended).catch(() => undefined);
    if (e instanceof ReadCancelled) return { kind: 'cancelled', message: e.message };
    // Excel refused a mark on a protected sheet after all: check again, listing instead of marking.
    if (run.markedProtected && !protectedReadOnly) return check(g, scope, report, control, true);
    if (e instanceof ReadRefused) return { kind: 'error', message: e.message, detail: e.detail };
    return refusal(e);
  }
}

async function checkIn(
  g: GatewayContext,
  context: Excel.RequestContext,
  req: CheckRequest,
  run: RunState,
): Promise<CheckOutcome> {
  const found = await readForms(context, req.scope, g.caps, req.control);
  if ('message' in found) return { kind: 'not-a-form', message: found.message };
  const evaluated = evaluate(found, g.profile);
  let forms = evaluated.forms;
  let report: ReportOutcome | undefined;
  // The report's findings join its form's before the marks are planned: one plan, one record.
  if (req.report)
    ({ forms, report } = withReport(forms, evaluated.models, req.report, evaluated.chosen.profile));
  const targets = targetsOf(forms, found, req.protectedReadOnly);
  const guarded = await protectTargets(context, targets, found.metas, found.previous);
  run.markedProtected = guarded.markedProtected;
  const notices = [...guarded.notices];
  if (!g.caps.notes) notices.push('这个版本的 Excel 不能写批注：单元格只标颜色，说明见下方列表。');
  const plan = await writeMarks(
    g,
    context,
    targets,
    found,
    run,
    outlinesOf(g, req, found, evaluated),
  );
  if (g.caps.notes && plan.sheets.some((s) => s.notes.length)) {
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
    scope: req.scope,
    forms,
    result,
    foundElsewhere: found.foundElsewhere,
    marked: plan.marked,
    notices,
    seen: evaluated.seen,
    storedProfile: found.part.profile,
    ...(guarded.unmarked.length ? { unmarked: guarded.unmarked } : {}),
    ...(report ? { report } : {}),
  };
}

/** Each sheet with a form: its findings, and whether it may be written. */
function targetsOf(forms: FormOutcome[], found: Found, protectedReadOnly: boolean): TargetSheet[] {
  return [...new Set(forms.map((f) => f.sheet))].map((sheet) => {
    const meta = found.metas.get(sheet);
    return {
      sheet,
      findings: forms.filter((f) => f.sheet === sheet).flatMap((f) => f.findings),
      writable: !(meta?.protected && protectedReadOnly),
      noNotes: !!meta?.protected,
    };
  });
}

/**
 * 在表上框出读取区域: as the pane asks, else as the pane last asked, else as the last 校验 of the
 * workbook left it (a ribbon 校验 keeps the outline the pane drew).
 */
function outlinesOf(
  g: GatewayContext,
  req: CheckRequest,
  found: Found,
  evaluated: Evaluated,
): OutlineTarget[] {
  if (req.control.outline !== undefined) g.outline = req.control.outline;
  const on = g.outline ?? !!found.previous?.outlines?.length;
  const formattable = (sheet: string) =>
    !found.metas.get(sheet)?.protected && !req.protectedReadOnly;
  return outlineTargets(on, evaluated.forms, evaluated.located, formattable);
}

/** Reads the states the plan needs, plans, and writes the marks with the record (one sync). */
async function writeMarks(
  g: GatewayContext,
  context: Excel.RequestContext,
  targets: TargetSheet[],
  found: Found,
  run: RunState,
  outlined: OutlineTarget[],
): Promise<WritePlan> {
  const { previous, foundElsewhere } = found;
  const existing = new Set(found.names);
  const strips = outlineStrips(outlined, previous?.outlines ?? [], existing);
  const states = await readStates(
    context,
    withBorderRequests(stateRequests(targets, previous, existing, g.caps.notes), strips),
    g.caps,
  );
  const marks = planWrites(targets, previous, states, existing, g.caps.notes);
  const outlines = planOutlines(outlined, previous?.outlines ?? [], borderStates(states), existing);
  const plan = { ...marks, record: withOutlines(marks.record, outlines.record) };
  if (
    plan.sheets.some((s) => s.restore.length || s.mark.length) ||
    previous ||
    outlines.writes.length
  ) {
    queueMarks(context, plan);
    queueOutlines(context, outlines.writes);
    writeRecord(context, plan.record, previous !== null);
    if (foundElsewhere) context.workbook.worksheets.getItem(foundElsewhere).activate();
    run.intended = plan.record;
    await context.sync(); // the marks and the record
  }
  return plan;
}
