import type { SheetState, StateRequest, WritePlan } from '../../core/markPlan';
import { planClear, stateRequests } from '../../core/markPlan';
import type { MarkRecord, OriginalFill } from '../../core/marks';
import { hexToBgr } from '../colors';
import type { EtRange, EtWorkbook } from '../et';
import { sheetNames } from './context';
import { fillOf, restoreFill } from './fills';

/** The fills and notes the plan needs: only the cells it will touch. */
export function readStates(wb: EtWorkbook, requests: StateRequest[]): SheetState[] {
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

export function writeMarks(wb: EtWorkbook, plan: WritePlan): void {
  for (const s of plan.sheets) {
    const ws = wb.Worksheets.Item(s.sheet);
    for (const r of s.restore) restoreFill(ws.Range(r.address), r.original);
    for (const m of s.mark) ws.Range(m.address).Interior.Color = hexToBgr(m.color);
  }
}

/** Notes: only ours are replaced or deleted (the plan checked the prefix). */
export function writeNotes(wb: EtWorkbook, plan: WritePlan): void {
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
export function rollback(wb: EtWorkbook, record: MarkRecord): void {
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
