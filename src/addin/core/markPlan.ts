import type { Finding } from '../../engine';
import {
  type MarkedCell,
  type MarkRecord,
  NOTE_PREFIX,
  type OriginalFill,
  planMarks,
  type SheetMarks,
} from './marks';
import type { OriginalBorder, Strip } from './outlinePlan';

/** A sheet whose forms were checked: its findings, and whether Excel lets us write there. */
export interface TargetSheet {
  sheet: string;
  findings: Finding[];
  writable: boolean;
  /** Cells Excel will not let us format (a protected sheet's locked cells): never marked or restored. */
  blocked?: Set<string>;
  /** No notes on this sheet (a protected one): fills only. */
  noNotes?: boolean;
}

/** The cells whose state the plan needs, per sheet: fills (to restore exactly) and notes. */
export interface StateRequest {
  sheet: string;
  fills: string[];
  notes: string[];
  /** Strips whose borders an outline needs (core/outlinePlan). */
  borders?: Strip[];
}

/** What the host read back for a StateRequest. */
export interface SheetState {
  sheet: string;
  fills: Map<string, OriginalFill>;
  /** Existing note text by address (absent: no note). */
  notes: Map<string, string>;
  /** Cells that hold a threaded comment: they keep it and get no note. */
  comments: Set<string>;
  /** Borders along each requested strip, by stripKey. */
  borders?: Map<string, OriginalBorder[]>;
}

export type NoteOp =
  { kind: 'add' | 'update'; address: string; text: string } | { kind: 'delete'; address: string };

export interface SheetWrite {
  sheet: string;
  restore: { address: string; original: OriginalFill }[];
  mark: { address: string; color: string }[];
  notes: NoteOp[];
}

export interface WritePlan {
  sheets: SheetWrite[];
  record: MarkRecord;
  /** Cells marked, over all sheets. */
  marked: number;
}

function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toUpperCase() === b.toUpperCase();
}

/**
 * Which cells to read before writing: every cell about to be marked, and every cell the last run
 * marked on a sheet that still exists (its fill decides whether to restore it).
 */
export function stateRequests(
  targets: TargetSheet[],
  previous: MarkRecord | null,
  existing: Set<string>,
  notes: boolean,
): StateRequest[] {
  const out = new Map<string, { fills: Set<string>; notes: Set<string> }>();
  const at = (sheet: string) =>
    out.get(sheet) ?? out.set(sheet, { fills: new Set(), notes: new Set() }).get(sheet)!;
  for (const t of targets) {
    if (!t.writable) continue;
    for (const p of planMarks(t.findings)) {
      if (t.blocked?.has(p.address)) continue;
      at(t.sheet).fills.add(p.address);
      if (notes && !t.noNotes) at(t.sheet).notes.add(p.address);
    }
  }
  for (const s of previous?.sheets ?? []) {
    if (!existing.has(s.sheet) || targets.some((t) => t.sheet === s.sheet && !t.writable)) continue;
    const blocked = targets.find((t) => t.sheet === s.sheet)?.blocked;
    for (const c of s.cells) {
      if (blocked?.has(c.address)) continue;
      at(s.sheet).fills.add(c.address);
      if (notes && c.note) at(s.sheet).notes.add(c.address);
    }
  }
  return [...out].map(([sheet, r]) => ({ sheet, fills: [...r.fills], notes: [...r.notes] }));
}

const NO_FILL: OriginalFill = {
  color: null,
  pattern: null,
  tintAndShade: null,
  patternColor: null,
  patternTintAndShade: null,
};

/**
 * The writes of one 校验, decided before any is made: put back the last run's marks that are not
 * marked again (only where the cell still shows our colour: a colour the user chose since stays),
 * mark, and note. A user's own note is never touched; a cell with a threaded comment gets no note.
 */
export function planWrites(
  targets: TargetSheet[],
  previous: MarkRecord | null,
  states: SheetState[],
  existing: Set<string>,
  notes: boolean,
): WritePlan {
  const stateOf = new Map(states.map((s) => [s.sheet, s]));
  const sheets: SheetWrite[] = [];
  const recorded: SheetMarks[] = [];
  const oldBySheet = new Map((previous?.sheets ?? []).map((s) => [s.sheet, s]));
  let marked = 0;
  for (const t of targets) {
    if (!t.writable) {
      // Nothing can be written here: the last run's marks stay, and stay recorded.
      const kept = oldBySheet.get(t.sheet);
      if (kept) recorded.push(kept);
      oldBySheet.delete(t.sheet);
      continue;
    }
    const state = stateOf.get(t.sheet);
    const old = new Map((oldBySheet.get(t.sheet)?.cells ?? []).map((c) => [c.address, c]));
    oldBySheet.delete(t.sheet);
    const write: SheetWrite = { sheet: t.sheet, restore: [], mark: [], notes: [] };
    const plan = planMarks(t.findings).filter((p) => !t.blocked?.has(p.address));
    const planned = new Set(plan.map((p) => p.address));
    // A cell we cannot format stays as it is, and stays recorded (清除标记 may manage it later).
    const stuck = [...old.values()].filter(
      (o) => t.blocked?.has(o.address) && !planned.has(o.address),
    );
    for (const o of old.values())
      if (!planned.has(o.address) && !t.blocked?.has(o.address)) unmark(o, state, write);
    const cells: MarkedCell[] = plan.map((p) => {
      const current = state?.fills.get(p.address) ?? NO_FILL;
      const o = old.get(p.address);
      // A cell still showing last run's mark keeps last run's original.
      const original = o && sameColor(current.color, o.mark) ? o.original : current;
      write.mark.push({ address: p.address, color: p.color });
      let note = false;
      if (notes && !t.noNotes && !state?.comments.has(p.address)) {
        const existingNote = state?.notes.get(p.address);
        if (existingNote === undefined) {
          write.notes.push({ kind: 'add', address: p.address, text: p.note });
          note = true;
        } else if (existingNote.startsWith(NOTE_PREFIX)) {
          write.notes.push({ kind: 'update', address: p.address, text: p.note });
          note = true;
        }
      }
      return { address: p.address, original, mark: p.color, note };
    });
    marked += cells.length;
    sheets.push(write);
    cells.push(...stuck);
    if (cells.length) recorded.push({ sheet: t.sheet, cells });
  }
  // Marks of the last run on sheets not checked this time are replaced too: put them back.
  for (const s of oldBySheet.values()) {
    if (!existing.has(s.sheet)) continue;
    const write: SheetWrite = { sheet: s.sheet, restore: [], mark: [], notes: [] };
    for (const o of s.cells) unmark(o, stateOf.get(s.sheet), write);
    sheets.push(write);
  }
  return { sheets, record: { version: 2, sheets: recorded }, marked };
}

function unmark(o: MarkedCell, state: SheetState | undefined, write: SheetWrite): void {
  if (sameColor(state?.fills.get(o.address)?.color, o.mark))
    write.restore.push({ address: o.address, original: o.original });
  const note = state?.notes.get(o.address);
  if (note !== undefined && note.startsWith(NOTE_PREFIX))
    write.notes.push({ kind: 'delete', address: o.address });
}

/** The plan that undoes a record (清除标记, or a rollback): restore every cell still showing our mark. */
export function planClear(
  record: MarkRecord,
  states: SheetState[],
  existing: Set<string>,
): WritePlan {
  return planWrites([], record, states, existing, true);
}
