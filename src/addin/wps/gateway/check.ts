import { combineResults } from '../../../engine/check';
import type {
  CheckOutcome,
  CheckScope,
  FormOutcome,
  ReportInput,
  ReportOutcome,
} from '../../core/gateway';
import { planWrites, stateRequests, type TargetSheet, type WritePlan } from '../../core/markPlan';
import type { MarkRecord } from '../../core/marks';
import { withReport } from '../../core/report';
import type { EtWorkbook } from '../et';
import { writeRecord } from '../store';
import { activeWorkbook, inUndoStep, type WpsContext, wpsErrorSentence } from './context';
import { readStates, rollback, writeMarks, writeNotes } from './marks';
import { type Found, readForms } from './readForms';

/** 校验 in WPS: read, plan (core/markPlan), write in one undo step; a refusal is rolled back. */
export function checkNow(g: WpsContext, scope: CheckScope, reportIn?: ReportInput): CheckOutcome {
  const run: { intended: MarkRecord | null; wb: EtWorkbook | null } = { intended: null, wb: null };
  try {
    const wb = (run.wb = activeWorkbook(g.app));
    const found = readForms(wb, scope, g.profile);
    if ('message' in found) return { kind: 'not-a-form', message: found.message };
    let forms = found.forms;
    let report: ReportOutcome | undefined;
    if (reportIn) ({ forms, report } = withReport(forms, found.models, reportIn, g.profile));
    const targets = targetsOf(forms, found);
    const notices = targets
      .filter((t) => !t.writable)
      .map((t) => `工作表“${t.sheet}”受保护，未在单元格上写标记；问题见下方列表。`);
    const existing = new Set(found.names);
    const states = readStates(wb, stateRequests(targets, found.previous, existing, true));
    const plan = planWrites(targets, found.previous, states, existing, true);
    inUndoStep(g.app, () => write(wb, plan, found, notices, run));
    const result = { ...combineResults(forms), sheet: forms[0].sheet } as FormOutcome;
    return {
      kind: 'checked',
      scope,
      forms,
      result,
      foundElsewhere: found.foundElsewhere,
      marked: plan.marked,
      notices,
      ...(report ? { report } : {}),
    };
  } catch (e) {
    // A refused write must not leave half the marks: put back whatever of this run landed.
    if (run.intended && run.wb) {
      try {
        rollback(run.wb, run.intended);
      } catch {
        // the sentence below still reaches the pane
      }
    }
    return { kind: 'error', message: wpsErrorSentence(e) };
  }
}

function targetsOf(forms: FormOutcome[], found: Found): TargetSheet[] {
  return [...new Set(forms.map((f) => f.sheet))].map((sheet) => ({
    sheet,
    findings: forms.filter((f) => f.sheet === sheet).flatMap((f) => f.findings),
    writable: !found.metas.get(sheet)?.protected,
  }));
}

/** The marks with the record, then the notes (a refused note costs only itself). */
function write(
  wb: EtWorkbook,
  plan: WritePlan,
  found: Found,
  notices: string[],
  run: { intended: MarkRecord | null },
): void {
  if (plan.sheets.some((s) => s.restore.length || s.mark.length) || found.previous) {
    run.intended = plan.record;
    writeMarks(wb, plan);
    writeRecord(wb, plan.record);
    if (found.foundElsewhere) wb.Worksheets.Item(found.foundElsewhere).Activate();
  }
  if (plan.sheets.some((s) => s.notes.length)) {
    try {
      writeNotes(wb, plan);
    } catch (e) {
      notices.push(`批注未能写入（${wpsErrorSentence(e)}）；单元格已标色，说明见下方列表。`);
    }
  }
}
