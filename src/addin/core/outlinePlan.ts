import { columnLetters, parseRangeA1 } from '../../engine/grid/address';

/** 在表上框出读取区域: a thin dashed purple line, unlike any fill or border a form uses. */
export const OUTLINE_BORDER = { style: 'Dash', color: '#7030A0', weight: 'Thin' } as const;

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** One side of a cell's border as read before outlining: enough to put "no border" back too. */
export interface OriginalBorder {
  style: string;
  color: string | null;
  weight: string | null;
  tintAndShade: number | null;
}

/** One edge of an area: the strip of cells along it (one row or one column) and which side. */
export interface Strip {
  side: Side;
  range: string;
}

/** An outlined edge as recorded: its strip and each cell's border there before, in runs. */
export interface OutlineEdge extends Strip {
  original: [OriginalBorder, number][];
}

/** The outline on one sheet: the areas framed and what their edges showed before. */
export interface SheetOutline {
  sheet: string;
  areas: string[];
  edges: OutlineEdge[];
}

/** A strip's borders to put back, cell by cell along it (null: leave that cell as it is). */
export interface StripRestore extends Strip {
  borders: (OriginalBorder | null)[];
}

export interface OutlineWrite {
  sheet: string;
  restore: StripRestore[];
  /** Areas to frame with OUTLINE_BORDER (after the restores). */
  outline: string[];
}

export const stripKey = (s: Strip): string => `${s.side} ${s.range}`;

/** The four edges of an area, as strips of cells along them. */
export function stripsOf(address: string): Strip[] {
  const b = parseRangeA1(address);
  if (!b) return [];
  const at = (r1: number, c1: number, r2: number, c2: number) =>
    `${columnLetters(c1)}${r1 + 1}:${columnLetters(c2)}${r2 + 1}`;
  return [
    { side: 'top', range: at(b.top, b.left, b.top, b.right) },
    { side: 'bottom', range: at(b.bottom, b.left, b.bottom, b.right) },
    { side: 'left', range: at(b.top, b.left, b.bottom, b.left) },
    { side: 'right', range: at(b.top, b.right, b.bottom, b.right) },
  ];
}

/** The cells of a strip, in order along it. */
export function stripCells(range: string): string[] {
  const b = parseRangeA1(range);
  if (!b) return [];
  const out: string[] = [];
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) out.push(`${columnLetters(c)}${r + 1}`);
  return out;
}

/** Whether a border is our outline (a user's own border is never taken for it). */
export function isOutline(b: OriginalBorder | undefined): boolean {
  return (
    !!b &&
    b.style === OUTLINE_BORDER.style &&
    (b.color ?? '').toUpperCase() === OUTLINE_BORDER.color
  );
}

const same = (a: OriginalBorder, b: OriginalBorder) =>
  a.style === b.style &&
  a.color === b.color &&
  a.weight === b.weight &&
  a.tintAndShade === b.tintAndShade;

export function toRuns(borders: OriginalBorder[]): [OriginalBorder, number][] {
  const out: [OriginalBorder, number][] = [];
  for (const b of borders) {
    const last = out[out.length - 1];
    if (last && same(last[0], b)) last[1]++;
    else out.push([b, 1]);
  }
  return out;
}

export function fromRuns(runs: [OriginalBorder, number][]): OriginalBorder[] {
  return runs.flatMap(([b, n]) => Array.from({ length: n }, () => b));
}

/** A sheet to outline: the areas read there, or null when it may not be written (old outline stays). */
export interface OutlineTarget {
  sheet: string;
  areas: string[] | null;
}

/** Borders as read, by sheet, then by stripKey: each cell's border on that side, along the strip. */
export type BorderStates = Map<string, Map<string, OriginalBorder[]>>;

/** The strips whose borders the plan needs: the edges to frame, and the edges framed last time. */
export function outlineStrips(
  targets: OutlineTarget[],
  previous: SheetOutline[],
  existing: Set<string>,
): Map<string, Strip[]> {
  const out = new Map<string, Map<string, Strip>>();
  const add = (sheet: string, s: Strip) =>
    (out.get(sheet) ?? out.set(sheet, new Map()).get(sheet)!).set(stripKey(s), s);
  for (const t of targets)
    for (const a of t.areas ?? []) for (const s of stripsOf(a)) add(t.sheet, s);
  for (const o of previous) {
    if (!existing.has(o.sheet) || targets.some((t) => t.sheet === o.sheet && !t.areas)) continue;
    for (const e of o.edges) add(o.sheet, { side: e.side, range: e.range });
  }
  return new Map([...out].map(([sheet, m]) => [sheet, [...m.values()]]));
}

/** Each cell-side ("top B3") with its border, from strips and their borders. */
function bySide(strips: { side: Side; range: string; borders: OriginalBorder[] }[]) {
  const out = new Map<string, OriginalBorder>();
  for (const s of strips)
    stripCells(s.range).forEach((cell, i) => {
      if (s.borders[i]) out.set(`${s.side} ${cell}`, s.borders[i]);
    });
  return out;
}

/**
 * The outline writes of one 校验, as planMarks does for fills: the last run's edges not framed
 * again are put back where they still show our outline (a border the user drew since stays);
 * an edge framed again keeps the last run's original, so re-running never records our own line.
 */
export function planOutlines(
  targets: OutlineTarget[],
  previous: SheetOutline[],
  states: BorderStates,
  existing: Set<string>,
): { writes: OutlineWrite[]; record: SheetOutline[] } {
  const writes: OutlineWrite[] = [];
  const record: SheetOutline[] = [];
  const sheets = [...new Set([...targets.map((t) => t.sheet), ...previous.map((o) => o.sheet)])];
  for (const sheet of sheets) {
    const target = targets.find((t) => t.sheet === sheet);
    const old = previous.find((o) => o.sheet === sheet);
    if (target && !target.areas) {
      if (old) record.push(old);
      continue;
    }
    if (!existing.has(sheet)) continue;
    const state = states.get(sheet) ?? new Map<string, OriginalBorder[]>();
    const current = (s: Strip) => state.get(stripKey(s)) ?? [];
    const was = bySide((old?.edges ?? []).map((e) => ({ ...e, borders: fromRuns(e.original) })));
    const areas = target?.areas ?? [];
    const framed = areas.flatMap(stripsOf);
    const framedSides = new Set(
      framed.flatMap((s) => stripCells(s.range).map((c) => `${s.side} ${c}`)),
    );
    const restore: StripRestore[] = (old?.edges ?? []).flatMap((e) => {
      const now = current(e);
      const borders = fromRuns(e.original).map((b, i) => {
        const key = `${e.side} ${stripCells(e.range)[i]}`;
        return !framedSides.has(key) && isOutline(now[i]) ? b : null;
      });
      return borders.some((b) => b) ? [{ side: e.side, range: e.range, borders }] : [];
    });
    const edges: OutlineEdge[] = framed.map((s) => {
      const now = current(s);
      const original = stripCells(s.range).map((cell, i) => {
        const before = was.get(`${s.side} ${cell}`);
        return isOutline(now[i]) && before ? before : (now[i] ?? NO_BORDER);
      });
      return { side: s.side, range: s.range, original: toRuns(original) };
    });
    if (restore.length || areas.length) writes.push({ sheet, restore, outline: areas });
    if (edges.length) record.push({ sheet, areas, edges });
  }
  return { writes, record };
}

export const NO_BORDER: OriginalBorder = {
  style: 'None',
  color: null,
  weight: null,
  tintAndShade: null,
};
