import { snapshotFromCells, type CellEntry } from '../../engine/grid/fromCells';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import { isDateFormat } from './formats';
import { translateFormula } from './formula';
import type { Package } from './package';
import { CORRUPT, UnreadableFile, type ZipEntry } from './zip';

/** Forms are narrow; a stray cell far out must not make the grid enormous. */
export const MAX_COLUMNS = 256;
export const MAX_ROWS = 100_000;

export type SharedString = string | null;

export interface Context {
  strings: SharedString[];
  formats: (string | null)[];
  date1904: boolean;
}

const FUTURE = /_xl(?:fn|ws|udf)\./g;

const X_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** OOXML's escape for characters XML cannot carry (`_x000D_`); `_x005F_` escapes the underscore. */
export const unescapeX = (s: string): string =>
  s.indexOf('_x') < 0
    ? s
    : s.replace(X_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

export function colOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return col;
}

function rowOf(address: string): number {
  let n = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 48 && ch <= 57) n = n * 10 + ch - 48;
  }
  return n;
}

function rangeOf(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const r1 = Number(m[2]) - 1;
  const c1 = colOf(m[1]) - 1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colOf(m[3]) - 1 : c1;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/** A serial date as YYYY-MM-DD (Excel's 1900 leap-year bug included: serial 60 is 1900-02-29's place). */
export function isoDate(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A `t="d"` cell's ISO 8601 text as the date it names (times of day are not kept). */
function isoOfDateCell(text: string): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  if (m) return m[1];
  // A bare time (T12:00:00) is a time on day 0, which has no calendar date.
  return '';
}

/**
 * One worksheet part as the grid Excel shows: every cell's value, a formula's value being its
 * cached result (0, FALSE and "" included) and a formula without one read as null (not computed).
 */
export function readSheet(pkg: Package, entry: ZipEntry, name: string, ctx: Context): GridSnapshot {
  const cells: CellEntry[] = [];
  // Keyed by row and column: one number while that is exact, else a string (the two never collide).
  const byAddress = new Map<number | string, number>();
  let ordered = true;
  let lastKey = -1;
  const dateStyles = new Map<number, boolean>();
  const merges: CellRange[] = [];
  const masters = new Map<string, { formula: string; r: number; c: number }>();
  let rowNumber = 0;
  let prevCol = 0;
  // The <c> being read.
  let address = '';
  let type: string | undefined;
  let styleId = 0;
  let inCell = false;
  let node: 'f' | 'v' | 't' | null = null;
  let inIs = false;
  let depthPh = 0;
  let sawF = false;
  let sawV = false;
  let formula: string | undefined;
  let shareType: string | undefined;
  let si: string | undefined;
  let ref: string | undefined;
  let value: string | undefined;
  let inline: string | undefined;

  const isDateStyle = (fmt: string | null): boolean => {
    let d = dateStyles.get(styleId);
    if (d === undefined) dateStyles.set(styleId, (d = isDateFormat(fmt)));
    return d;
  };

  const constant = (v: string, fmt: string | null): RawValue => {
    switch (type) {
      case 's': {
        const s = ctx.strings[parseInt(v, 10)];
        if (s === undefined) throw new UnreadableFile(CORRUPT);
        return s;
      }
      case 'str':
        return unescapeX(v);
      case 'inlineStr':
        return unescapeX(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return v;
      case 'd':
        return isoOfDateCell(v);
      default: {
        const n = +v;
        if (v === '' || Number.isNaN(n)) return null;
        return isDateStyle(fmt) ? isoDate(n, ctx.date1904) : n;
      }
    }
  };

  const finishCell = () => {
    // Position first: a cell without r= follows the one before it, even an empty one.
    const c = address ? colOf(address) : prevCol + 1;
    const r = address ? rowOf(address) || rowNumber : rowNumber;
    prevCol = c;
    if (r < 1 || c < 1) return;
    const fmt = styleId ? (ctx.formats[styleId] ?? null) : null;
    let raw: RawValue = null;
    let f: string | null = null;
    if (sawF) {
      // Excel shows functions newer than 2007 without their storage prefix (_xlfn.CONCAT).
      if (formula && formula.indexOf('_xl') >= 0) formula = formula.replace(FUTURE, '');
      if (formula) f = `=${formula}`;
      if (shareType === 'shared') {
        const key = si ?? '';
        if (formula && ref) masters.set(key, { formula, r, c });
        else if (!formula) {
          const m = masters.get(key);
          if (m) f = `=${translateFormula(m.formula, r - m.r, c - m.c)}`;
        }
      }
      // A cached result, whatever it is; a string result may be empty (<v/>). Without <v> the
      // formula has not been computed: null, never 0.
      if (inline !== undefined) raw = unescapeX(inline);
      else if (sawV) {
        if (type === 'str' || type === 'inlineStr') raw = unescapeX(value ?? '');
        else if (value !== undefined) raw = constant(value, fmt);
      }
    } else if (inline !== undefined) raw = unescapeX(inline);
    else if (value !== undefined) raw = constant(value, fmt);
    if (raw === null && f === null) return;
    const e: CellEntry = { r: r - 1, c: c - 1, raw, fmt, formula: f };
    const key = r < 0x80000000 && c < 0x200000 ? r * 0x200000 + c : `${r}:${c}`;
    // Cells usually come in order, each after the last: then none repeats an earlier one and the
    // map is only built when one first does not.
    if (ordered) {
      if (typeof key === 'number' && key > lastKey) {
        lastKey = key;
        cells.push(e);
        return;
      }
      ordered = false;
      cells.forEach((x, i) => byAddress.set((x.r + 1) * 0x200000 + x.c + 1, i));
    }
    const at = byAddress.get(key);
    if (at !== undefined) cells[at] = e;
    else {
      byAddress.set(key, cells.length);
      cells.push(e);
    }
  };

  pkg.parse(entry, {
    open: (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (inCell) {
        switch (tag.name) {
          case 'f':
            node = 'f';
            sawF = true;
            si = a.si;
            shareType = a.t;
            ref = a.ref;
            break;
          case 'v':
            node = 'v';
            sawV = true;
            break;
          case 'is':
            inIs = true;
            inline ??= '';
            break;
          case 'rPh':
            depthPh++;
            break;
          case 't':
            if (inIs && !depthPh) node = 't';
            break;
        }
        return;
      }
      switch (tag.name) {
        case 'row': {
          const n = a.r !== undefined ? parseInt(a.r, 10) : NaN;
          rowNumber = Number.isFinite(n) ? n : rowNumber + 1;
          prevCol = 0;
          break;
        }
        case 'c':
          inCell = true;
          address = a.r ?? '';
          type = a.t;
          styleId = a.s ? parseInt(a.s, 10) || 0 : 0;
          node = null;
          inIs = sawF = sawV = false;
          depthPh = 0;
          formula = shareType = si = ref = value = inline = undefined;
          break;
        case 'mergeCell': {
          const m = rangeOf(a.ref ?? '');
          if (m) merges.push(m);
          break;
        }
      }
    },
    text: (t) => {
      if (!inCell || node === null) return;
      if (node === 'f') formula = formula ? formula + t : t;
      else if (node === 'v') value = value ? value + t : t;
      else inline += t;
    },
    close: (tagName) => {
      if (!inCell) return;
      switch (tagName) {
        case 'c':
          inCell = false;
          finishCell();
          break;
        case 'rPh':
          depthPh--;
          break;
        case 'is':
          inIs = false;
          node = null;
          break;
        case 'f':
        case 'v':
        case 't':
          node = null;
          break;
      }
    },
  });

  // Merged cells other than the top-left read as empty, as Excel shows them.
  const covered = coveredCells(merges);
  const inMerge = (r: number, c: number) =>
    covered
      ? r < MERGE_ROWS && c + 1 < MERGE_COLS && covered.has(r * MERGE_COLS + c + 1)
      : merges.some(
          (m) =>
            r >= m.top &&
            r <= m.bottom &&
            c >= m.left &&
            c <= m.right &&
            !(r === m.top && c === m.left),
        );
  const kept: CellEntry[] = [];
  let clipped = false;
  for (const e of cells) {
    if (merges.length && inMerge(e.r, e.c)) continue;
    if (e.r + 1 > MAX_ROWS || e.c + 1 > MAX_COLUMNS) {
      clipped = true;
      continue;
    }
    kept.push(e);
  }
  const snapshot = snapshotFromCells(name, kept, merges);
  if (clipped) snapshot.clipped = true;
  return snapshot;
}

const MERGE_ROWS = 2 ** 30;
const MERGE_COLS = 2 ** 22;

/**
 * The cells merges cover other than their top-left ones, as numeric keys, so testing a cell is
 * one lookup rather than a pass over the merges; null when the merges are too large to list.
 */
function coveredCells(merges: CellRange[]): Set<number> | null {
  let area = 0;
  for (const m of merges) {
    if (m.bottom >= MERGE_ROWS || m.right + 1 >= MERGE_COLS) return null;
    area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > 100_000) return null;
  }
  const set = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) set.add(r * MERGE_COLS + c + 1);
  return set;
}
