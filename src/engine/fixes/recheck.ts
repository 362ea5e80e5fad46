import type { CheckResult } from '../findings/types';
import { derivationOf } from '../grid/derived';
import { SheetView } from '../grid/sheet';
import type { CellRef, GridSnapshot, RawValue } from '../grid/types';
import { type FormCell, readAmountCell, readCell, readRateCell } from '../model/cells';
import type { FormModel } from '../model/form';
import { rowHasHeaderWord } from '../locate/header';
import { valueAt } from './apply';

/**
 * The fix planner's re-check of a sheet copy (fixes/plan.ts), done incrementally: a copy made by
 * applyFixes differs from the sheet it was made from in a few written cells. When none of them
 * can change what the locator finds (see `locatorSees`), the forms located on the parent are
 * kept, the cells written are read again into them, and only the forms those cells touch are
 * checked again; the others keep their results. Otherwise the copy is located and checked afresh.
 * test/engine/incrementalRecheck.test.ts compares both ways on every fixture.
 */
export interface SheetChecked {
  forms: FormModel[];
  results: CheckResult[];
}

export interface Rechecker {
  (snapshot: GridSnapshot): CheckResult[];
  /** Re-checks done, and how many of them located the sheet again (for the bench). */
  stats: { rechecks: number; relocated: number; formsChecked: number; formsKept: number };
}

/** A percentage written as text that the locator counts as a number (locate/header.ts numbersIn). */
const PERCENT_TEXT = /^\s*-?[\d,]+(?:\.\d+)?\s*%\s*$/;

/**
 * A value as the locator tells it apart: blank (spaces only too), a finite number, a percentage
 * written as text (a fix of a rate cell that held text is text: fixes/write.ts), or anything else
 * (null). Two percentage texts differ to the locator only in their digits: neither matches a
 * lexicon word, both count as one of the row's numbers, and both are text, not amounts, to
 * parseAmount. A text and a number differ (a text's label is not empty).
 */
function kindOf(v: RawValue): 'blank' | 'number' | 'percent text' | null {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return 'blank';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : null;
  return typeof v === 'string' && PERCENT_TEXT.test(v) ? 'percent text' : null;
}

const present = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);

/**
 * Whether writing `after` over `before` at `ref` leaves what the locator finds as it was
 * (test/engine/incrementalRecheck.test.ts writes into every figure cell of every fixture to hold
 * this to a full re-locate). The locator reads labels, value kinds and how many numbers a row
 * holds; never number formats, formulas or displayed text (a fix clears the last two). A number's
 * label matches no lexicon word, so in a figure column of a row the model holds (right of the
 * block's label columns, below its header) one number for another changes nothing, and so does
 * one percentage text for another (a rate written "100%" corrected to "72.74%"). A blank filled
 * changes nothing either when the row's other figures already made it what it is: a 资金 row with
 * another amount, an indicator row with another figure, no row with header words (a two-row header
 * is only taken over a row with fewer than two numbers), not the total row. Any text written, or
 * a write anywhere else, and the copy is located again.
 */
function keepsLocation(
  forms: FormModel[],
  sheet: SheetView,
  ref: CellRef,
  before: RawValue,
  after: RawValue,
): boolean {
  if (before === after) return true;
  const was = kindOf(before);
  const now = kindOf(after);
  if (was === null || now === null) return false;
  const filled = was === 'blank';
  // A blank is filled only by a number; a number or a percentage text is replaced by one of its kind.
  if (filled ? now !== 'number' : now !== was) return false;
  if (filled && rowHasHeaderWord(sheet, ref.row)) return false;
  const { row, col } = ref;
  const other = (cols: number[], ok: (v: RawValue) => boolean) =>
    cols.some((c) => c !== col && ok(sheet.valueAt(row, c)));
  let placed = false;
  for (const f of forms) {
    const funds = f.funds;
    if (funds && row >= funds.header.firstRow && row <= funds.stopRow) {
      const c = funds.columns;
      const amounts = present([c.initialBudget, c.budget, c.exec]);
      if (row <= funds.headerRow || col < Math.min(...amounts)) return false;
      if (!funds.rows.some((r) => r.row === row)) return false;
      if (filled && amounts.includes(col) && !other(amounts, (v) => kindOf(v) === 'number'))
        return false;
      placed = true;
    }
    const ind = f.indicators;
    if (ind && row >= ind.header.firstRow && row <= f.range.bottom) {
      const c = ind.columns;
      const figures = present([c.target, c.adjustedTarget, c.actual, c.weight, c.score]);
      const first = Math.min(...figures, ...present([c.coefficient]));
      if (row <= ind.headerRow || col < first) return false;
      if (present([c.level1, c.level2, c.level3]).includes(col)) return false;
      const isTotal = f.total?.row === row;
      if (!isTotal && !ind.rows.some((r) => r.row === row)) return false;
      if (filled && (isTotal || !other(figures, (v) => kindOf(v) !== 'blank'))) return false;
      placed = true;
    }
  }
  return placed;
}

const cellKey = (row: number, col: number) => row * 16384 + col;

const sameBounds = (a: GridSnapshot, b: GridSnapshot) =>
  a.originRow === b.originRow &&
  a.originCol === b.originCol &&
  a.values.length === b.values.length &&
  a.merges === b.merges;

function isFormCell(o: object): o is FormCell {
  return 'ref' in o && 'raw' in o && 'numberFormat' in o && 'formula' in o;
}

/**
 * The form with every cell read at a written address read again from `sheet` (the copy's view),
 * and the view replaced. Objects on the way to a re-read cell are copied; the rest is shared.
 */
function patched(
  form: FormModel,
  written: Set<number>,
  sheet: SheetView,
): { form: FormModel; hit: boolean } {
  let hit = false;
  // A row is held by the block and by its group (rules compare them by identity): one copy each.
  const copies = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (copies.has(v)) return copies.get(v);
    const w = copy(v);
    copies.set(v, w);
    return w;
  };
  const copy = (v: object): unknown => {
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i]);
        if (w !== v[i]) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    // Decimals, views and other class instances are leaves.
    if (proto !== Object.prototype && proto !== null) return v;
    if (isFormCell(v)) {
      const { row, col } = v.ref as CellRef;
      if (!written.has(cellKey(row, col))) return v;
      hit = true;
      if ('parsed' in v) return readAmountCell(sheet, row, col);
      if ('rate' in v) return readRateCell(sheet, row, col);
      return readCell(sheet, row, col);
    }
    let out: Record<string, unknown> | null = null;
    for (const k of Object.keys(v)) {
      const before = (v as Record<string, unknown>)[k];
      const after = walk(before);
      if (after !== before) (out ??= { ...(v as Record<string, unknown>) })[k] = after;
    }
    return out ?? v;
  };
  const next = walk({ ...form, sheet: null }) as FormModel;
  return { form: { ...next, sheet }, hit };
}

/**
 * A re-check for planFixes: `locate` finds the forms on a sheet, `check` checks one of them.
 * `seed` is the sheet the plan starts from, already located and checked (its copies then need
 * no locating at all when their writes leave the labels alone).
 */
export function rechecker(
  locate: (snapshot: GridSnapshot) => FormModel[],
  check: (form: FormModel) => CheckResult,
  seed?: { snapshot: GridSnapshot } & SheetChecked,
): Rechecker {
  const known = new WeakMap<GridSnapshot, SheetChecked>();
  if (seed) known.set(seed.snapshot, { forms: seed.forms, results: seed.results });
  const stats = { rechecks: 0, relocated: 0, formsChecked: 0, formsKept: 0 };

  const afresh = (snapshot: GridSnapshot): SheetChecked => {
    stats.relocated++;
    const forms = locate(snapshot);
    stats.formsChecked += forms.length;
    return { forms, results: forms.map(check) };
  };

  const incremental = (snapshot: GridSnapshot): SheetChecked | null => {
    const d = derivationOf(snapshot);
    const parent = d && known.get(d.parent);
    if (!d || !parent || !sameBounds(snapshot, d.parent)) return null;
    // The parent's cells, read through merges, as the locator read them.
    const old = new SheetView(d.parent);
    for (const ref of d.changed)
      if (!keepsLocation(parent.forms, old, ref, valueAt(d.parent, ref), valueAt(snapshot, ref)))
        return null;
    const written = new Set(d.changed.map((r) => cellKey(r.row, r.col)));
    const sheet = new SheetView(snapshot);
    const forms: FormModel[] = [];
    const results: CheckResult[] = [];
    parent.forms.forEach((form, i) => {
      const p = patched(form, written, sheet);
      const { top, bottom, left, right } = form.range;
      // The reading chooser (reading/) reads the sheet within the form's rows: a write there
      // counts even where the model holds no cell.
      const inside = d.changed.some(
        (r) => r.row >= top && r.row <= bottom && r.col >= left && r.col <= right,
      );
      forms.push(p.form);
      if (p.hit || inside) {
        stats.formsChecked++;
        results.push(check(p.form));
      } else {
        stats.formsKept++;
        results.push(parent.results[i]);
      }
    });
    return { forms, results };
  };

  const recheck = ((snapshot: GridSnapshot): CheckResult[] => {
    stats.rechecks++;
    let done = known.get(snapshot);
    if (!done) {
      done = incremental(snapshot) ?? afresh(snapshot);
      known.set(snapshot, done);
    }
    return done.results;
  }) as Rechecker;
  recheck.stats = stats;
  return recheck;
}
