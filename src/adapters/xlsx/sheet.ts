import { snapshotFromCells, type CellEntry } from '../../engine/grid/fromCells';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import { isDateFormat, isoDate } from './formats';
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

/** A `t="d"` cell's ISO 8601 text as the date it names (times of day are not kept). */
function isoOfDateCell(text: string): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(text);
  if (m) return m[1];
  // A bare time (T12:00:00) is a time on day 0, which has no calendar date.
  return '';
}

/** The <c> being read: what its attributes and children said so far. */
export interface OpenCell {
  /** r=, or '' when absent. */
  address: string;
  type: string | undefined;
  styleId: number;
  sawF: boolean;
  sawV: boolean;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  value: string | undefined;
  inline: string | undefined;
}

/** Whether a cell style's number format shows a date, memoised by style id. */
export type DateStyles = Map<number, boolean>;

function isDateStyle(styles: DateStyles, styleId: number, fmt: string | null): boolean {
  let d = styles.get(styleId);
  if (d === undefined) styles.set(styleId, (d = isDateFormat(fmt)));
  return d;
}

/** A cell's stored constant (<v>) as the value Excel shows for its type. */
function constant(
  cell: OpenCell,
  v: string,
  fmt: string | null,
  ctx: Context,
  dates: DateStyles,
): RawValue {
  switch (cell.type) {
    case 's': {
      const s = ctx.strings[parseInt(v, 10)];
      if (s === undefined) throw new UnreadableFile(CORRUPT);
      return s;
    }
    case 'str':
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
      return isDateStyle(dates, cell.styleId, fmt) ? isoDate(n, ctx.date1904) : n;
    }
  }
}

/**
 * A finished <c> at row r, column c (1-based) as the grid's entry, its formula `f` already
 * resolved (shared formulas: see SheetReader): null when it holds neither value nor formula.
 */
export function finishCell(
  cell: OpenCell,
  r: number,
  c: number,
  f: string | null,
  ctx: Context,
  dates: DateStyles,
): CellEntry | null {
  const fmt = cell.styleId ? (ctx.formats[cell.styleId] ?? null) : null;
  const { inline, value } = cell;
  let raw: RawValue = null;
  if (cell.sawF) {
    // A cached result, whatever it is; a string result may be empty (<v/>). Without <v> the
    // formula has not been computed: null, never 0.
    if (inline !== undefined) raw = unescapeX(inline);
    else if (cell.sawV) {
      if (cell.type === 'str' || cell.type === 'inlineStr') raw = unescapeX(value ?? '');
      else if (value !== undefined) raw = constant(cell, value, fmt, ctx, dates);
    }
  } else if (inline !== undefined) raw = unescapeX(inline);
  else if (value !== undefined) raw = constant(cell, value, fmt, ctx, dates);
  if (raw === null && f === null) return null;
  return { r: r - 1, c: c - 1, raw, fmt, formula: f };
}

const emptyCell = (): OpenCell => ({
  address: '',
  type: undefined,
  styleId: 0,
  sawF: false,
  sawV: false,
  formula: undefined,
  shareType: undefined,
  si: undefined,
  ref: undefined,
  value: undefined,
  inline: undefined,
});

/** Which text of the open cell is being read. */
type Node = 'f' | 'v' | 't' | null;

/**
 * The worksheet part's reading as it streams: the parser's events update this state, each
 * finished cell is placed by address (a later cell of the same address replaces the earlier).
 */
class SheetReader {
  readonly cells: CellEntry[] = [];
  readonly merges: CellRange[] = [];
  // Keyed by row and column: one number while that is exact, else a string (the two never collide).
  private readonly byAddress = new Map<number | string, number>();
  private ordered = true;
  private lastKey = -1;
  private readonly dates: DateStyles = new Map();
  private readonly masters = new Map<string, { formula: string; r: number; c: number }>();
  private rowNumber = 0;
  private prevCol = 0;
  private inCell = false;
  private cell: OpenCell = emptyCell();
  private node: Node = null;
  private inIs = false;
  private depthPh = 0;

  constructor(private readonly ctx: Context) {}

  open(name: string, a: Record<string, string>): void {
    if (this.inCell) return this.openInCell(name, a);
    switch (name) {
      case 'row': {
        const n = a.r !== undefined ? parseInt(a.r, 10) : NaN;
        this.rowNumber = Number.isFinite(n) ? n : this.rowNumber + 1;
        this.prevCol = 0;
        break;
      }
      case 'c': {
        this.inCell = true;
        const cell = emptyCell();
        cell.address = a.r ?? '';
        cell.type = a.t;
        cell.styleId = a.s ? parseInt(a.s, 10) || 0 : 0;
        this.cell = cell;
        this.node = null;
        this.inIs = false;
        this.depthPh = 0;
        break;
      }
      case 'mergeCell': {
        const m = rangeOf(a.ref ?? '');
        if (m) this.merges.push(m);
        break;
      }
    }
  }

  private openInCell(name: string, a: Record<string, string>): void {
    const cell = this.cell;
    switch (name) {
      case 'f':
        this.node = 'f';
        cell.sawF = true;
        cell.si = a.si;
        cell.shareType = a.t;
        cell.ref = a.ref;
        break;
      case 'v':
        this.node = 'v';
        cell.sawV = true;
        break;
      case 'is':
        this.inIs = true;
        cell.inline ??= '';
        break;
      case 'rPh':
        this.depthPh++;
        break;
      case 't':
        if (this.inIs && !this.depthPh) this.node = 't';
        break;
    }
  }

  text(t: string): void {
    if (!this.inCell || this.node === null) return;
    const cell = this.cell;
    if (this.node === 'f') cell.formula = cell.formula ? cell.formula + t : t;
    else if (this.node === 'v') cell.value = cell.value ? cell.value + t : t;
    else cell.inline += t;
  }

  close(name: string): void {
    if (!this.inCell) return;
    switch (name) {
      case 'c':
        this.inCell = false;
        this.endCell();
        break;
      case 'rPh':
        this.depthPh--;
        break;
      case 'is':
        this.inIs = false;
        this.node = null;
        break;
      case 'f':
      case 'v':
      case 't':
        this.node = null;
        break;
    }
  }

  private endCell(): void {
    const cell = this.cell;
    // Position first: a cell without r= follows the one before it, even an empty one.
    const c = cell.address ? colOf(cell.address) : this.prevCol + 1;
    const r = cell.address ? rowOf(cell.address) || this.rowNumber : this.rowNumber;
    this.prevCol = c;
    if (r < 1 || c < 1) return;
    const e = finishCell(cell, r, c, this.formulaOf(cell, r, c), this.ctx, this.dates);
    if (e) this.place(e, r, c);
  }

  /** The cell's formula as Excel shows it; a shared formula's follower gets the master's, moved. */
  private formulaOf(cell: OpenCell, r: number, c: number): string | null {
    if (!cell.sawF) return null;
    let formula = cell.formula;
    // Excel shows functions newer than 2007 without their storage prefix (_xlfn.CONCAT).
    if (formula && formula.indexOf('_xl') >= 0) formula = formula.replace(FUTURE, '');
    let f = formula ? `=${formula}` : null;
    if (cell.shareType === 'shared') {
      const key = cell.si ?? '';
      if (formula && cell.ref) this.masters.set(key, { formula, r, c });
      else if (!formula) {
        const m = this.masters.get(key);
        if (m) f = `=${translateFormula(m.formula, r - m.r, c - m.c)}`;
      }
    }
    return f;
  }

  private place(e: CellEntry, r: number, c: number): void {
    const { cells, byAddress } = this;
    const key = r < 0x80000000 && c < 0x200000 ? r * 0x200000 + c : `${r}:${c}`;
    // Cells usually come in order, each after the last: then none repeats an earlier one and the
    // map is only built when one first does not.
    if (this.ordered) {
      if (typeof key === 'number' && key > this.lastKey) {
        this.lastKey = key;
        cells.push(e);
        return;
      }
      this.ordered = false;
      cells.forEach((x, i) => byAddress.set((x.r + 1) * 0x200000 + x.c + 1, i));
    }
    const at = byAddress.get(key);
    if (at !== undefined) cells[at] = e;
    else {
      byAddress.set(key, cells.length);
      cells.push(e);
    }
  }
}

/**
 * One worksheet part as the grid Excel shows: every cell's value, a formula's value being its
 * cached result (0, FALSE and "" included) and a formula without one read as null (not computed).
 */
export function readSheet(pkg: Package, entry: ZipEntry, name: string, ctx: Context): GridSnapshot {
  let reader = new SheetReader(ctx);
  // Fresh handlers each time: a part the fast scanner is unsure of is read again by saxes.
  pkg.parse(entry, () => {
    const r = (reader = new SheetReader(ctx));
    return {
      open: (tag) => r.open(tag.name, tag.attributes as Record<string, string>),
      text: (t) => r.text(t),
      close: (tagName) => r.close(tagName),
    };
  });
  return gridOf(name, reader.cells, reader.merges);
}

/** The cells read as the sheet's grid: merged cells other than the top-left read as empty, as Excel shows them. */
function gridOf(name: string, cells: CellEntry[], merges: CellRange[]): GridSnapshot {
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
