import type { Finding, Severity } from '../../engine';
import { SEVERITY, worstOf } from '../../engine/findings/severity';
import type { SheetOutline } from './outlinePlan';

/** Where the marks of the last 校验 are recorded: a workbook setting, so a reload can clear them. */
export const RECORD_KEY = 'selfeval.marks';

/** Every note the add-in writes starts with this, so it never mistakes a user's note for its own. */
export const NOTE_PREFIX = '【自评表校验】';

/** The fill of a marked cell, from the one severity vocabulary. */
export function markColor(severity: Severity): string {
  return `#${SEVERITY[severity].fill ?? 'FFFFFF'}`;
}

/** A cell's fill as read before marking: enough to put back "No Fill" as well as a white fill. */
export interface OriginalFill {
  color: string | null;
  pattern: string | null;
  /** null for "No Fill"; a number (0 for a plain colour) for any fill, white included. */
  tintAndShade: number | null;
  patternColor: string | null;
  patternTintAndShade: number | null;
}

export interface MarkedCell {
  address: string;
  original: OriginalFill;
  /** The fill colour the add-in applied. */
  mark: string;
  /** Whether the add-in wrote a note on this cell. */
  note: boolean;
}

/** The marks on one sheet. */
export interface SheetMarks {
  sheet: string;
  cells: MarkedCell[];
}

/** Everything the last 校验 marked, on every sheet it marked (全部工作表 marks several). */
export interface MarkRecord {
  version: 2;
  sheets: SheetMarks[];
  /** 在表上框出读取区域: the outlines drawn, with the borders they replaced (absent: none). */
  outlines?: SheetOutline[];
}

export interface PlannedMark {
  address: string;
  color: string;
  note: string;
}

/**
 * One mark per cell that has an error or warning (on the finding's first cell): the worst
 * severity's colour and a note with every message there. Infos are listed in the pane only.
 */
export function planMarks(findings: Finding[]): PlannedMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.cells[0]) continue;
    byCell.set(f.cells[0], [...(byCell.get(f.cells[0]) ?? []), f]);
  }
  return [...byCell].map(([address, list]) => {
    return {
      address,
      color: markColor(worstOf(list)),
      note:
        NOTE_PREFIX + list.map((f) => `【${SEVERITY[f.severity].name}】${f.message}`).join('\n'),
    };
  });
}

/**
 * True when the fill is "No Fill". Excel reports it as white with tintAndShade null; depending on
 * the platform the pattern comes back as "None" or null, and tintAndShade as null or absent.
 */
export function isNoFill(f: OriginalFill): boolean {
  return (
    (f.tintAndShade === null || f.tintAndShade === undefined) &&
    (f.pattern === null || f.pattern === undefined || f.pattern === 'None')
  );
}

/** The record as stored; a version-1 record (one sheet) from an older add-in is read as one sheet. */
export function parseRecord(value: unknown): MarkRecord | null {
  const v = typeof value === 'string' ? safeJson(value) : value;
  if (!v || typeof v !== 'object') return null;
  const r = v as { version?: number; sheet?: unknown; cells?: unknown; sheets?: unknown };
  if (r.version === 1 && typeof r.sheet === 'string' && Array.isArray(r.cells))
    return { version: 2, sheets: [{ sheet: r.sheet, cells: r.cells as MarkedCell[] }] };
  if (r.version === 2 && Array.isArray(r.sheets)) return r as MarkRecord;
  return null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
