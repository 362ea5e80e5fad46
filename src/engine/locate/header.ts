import type { SheetView } from '../grid/sheet';
import type { HeaderFacts } from '../model/form';
import { getOr, perSheet } from '../grid/memo';
import { byLabel, isHeaderLike, type RolePattern } from './labels';

/** A header as read: the row(s) it spans, and each role's column. */
export interface Header<R extends string> {
  /** The last header row: data starts below it. */
  row: number;
  /** The first header row (the same as row for a one-row header). */
  firstRow: number;
  columns: Partial<Record<R, number>>;
  /** Each assigned column's header label, for weights written in labels ("得分(20分*执行率)"). */
  labels: Partial<Record<R, string>>;
  /** Roles taken through a stem rather than a known word (lexicon `guessed`): the result says so. */
  guessed: R[];
  /** Columns whose header also names a role but lost it to a better fit: the other readings (RULES §1.3). */
  alternatives: Partial<Record<R, number[]>>;
}

interface Candidate<R extends string> {
  col: number;
  role: R;
  fit: number;
  label: string;
  guessed: boolean;
}

/**
 * The labels each column shows in a one- or two-row header. A cell merged across several
 * columns in the upper row is a caption (预算执行情况 over 预算数 / 执行数): it labels a column
 * only where the lower row says nothing there.
 */
function columnLabels(sheet: SheetView, top: number, bottom: number): Map<number, string[]> {
  // Both pattern lists (indicators, 资金) read the same rows.
  return getOr(LABELS_MEMO(sheet), top * 2 + (bottom - top), () =>
    readColumnLabels(sheet, top, bottom),
  );
}

const LABELS_MEMO = perSheet<number, Map<number, string[]>>();

function readColumnLabels(sheet: SheetView, top: number, bottom: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (let c = sheet.left; c <= sheet.right; c++) {
    const labels: string[] = [];
    for (let r = bottom; r >= top; r--) {
      const label = sheet.label(r, c);
      if (label === '' || labels.includes(label)) continue;
      const merge = sheet.mergeAt(r, c);
      const caption =
        r < bottom && merge !== undefined && merge.right > merge.left && labels.length > 0;
      if (!caption) labels.push(label);
    }
    if (labels.length) out.set(c, labels);
  }
  return out;
}

/**
 * The patterns each label matches, remembered per pattern list: forms repeat the same header
 * labels, and a header is tried at every row that could start one (the patterns are global
 * lists, and their regexes carry no state: no g or y flag).
 */
const MATCHES = new WeakMap<
  readonly RolePattern<string>[],
  (label: string) => RolePattern<string>[]
>();

function matchesOf<R extends string>(
  patterns: RolePattern<R>[],
): (label: string) => RolePattern<R>[] {
  let known = MATCHES.get(patterns);
  if (!known)
    MATCHES.set(
      patterns,
      (known = byLabel((label) =>
        isHeaderLike(label) ? patterns.filter((p) => p.re.test(label)) : [],
      )),
    );
  return known as (label: string) => RolePattern<R>[];
}

/**
 * Every role some label of the row could take (each with some column): more than any header
 * using the row can have, as every label a header reads of it is among them.
 */
function rowRoles<R extends string>(
  sheet: SheetView,
  row: number,
  patterns: RolePattern<R>[],
): Partial<Record<R, number>> {
  const byPatterns = getOr(ROW_ROLES(sheet), patterns, () => new Map());
  return getOr(byPatterns, row, () => {
    const roles: Partial<Record<R, number>> = {};
    const known = matchesOf(patterns);
    for (let c = sheet.left; c <= sheet.right; c++) {
      const label = sheet.label(row, c);
      if (label !== '') for (const p of known(label)) roles[p.role] = c;
    }
    return roles;
  }) as Partial<Record<R, number>>;
}

const ROW_ROLES = perSheet<
  readonly RolePattern<string>[],
  Map<number, Partial<Record<string, number>>>
>();

/**
 * Gives every role the column whose header fits it best, over the whole header: candidates are
 * taken best fit first (then leftmost), and each role and each column is used at most once.
 * `accepts` vetoes a pairing the data below rules out (a caption over the row labels is not
 * the budget column).
 */
export function assignRoles<R extends string>(
  labelsByCol: Map<number, string[]>,
  patterns: RolePattern<R>[],
  accepts: (col: number, role: R) => boolean,
  possible?: (columns: Partial<Record<R, number>>) => boolean,
): Pick<Header<R>, 'columns' | 'labels' | 'guessed' | 'alternatives'> {
  const candidates: Candidate<R>[] = [];
  const known = matchesOf(patterns);
  for (const [col, labels] of labelsByCol) {
    for (const label of labels) {
      for (const p of known(label))
        candidates.push({ col, role: p.role, fit: p.fit, label, guessed: p.guessed === true });
    }
  }
  if (possible) {
    // Every role some label could take, each as if it got its column: when even that is no
    // header, no assignment is (validity only asks that roles be present).
    const all: Partial<Record<R, number>> = {};
    for (const c of candidates) all[c.role] = c.col;
    if (!possible(all)) return { columns: {}, labels: {}, guessed: [], alternatives: {} };
  }
  candidates.sort((a, b) => b.fit - a.fit || a.col - b.col);
  const columns: Partial<Record<R, number>> = {};
  const labels: Partial<Record<R, string>> = {};
  const usedCols = new Set<number>();
  const guessed: R[] = [];
  for (const c of candidates) {
    if (columns[c.role] !== undefined || usedCols.has(c.col) || !accepts(c.col, c.role)) continue;
    columns[c.role] = c.col;
    labels[c.role] = c.label;
    if (c.guessed) guessed.push(c.role);
    usedCols.add(c.col);
  }
  // A known word left without a role (自评权重 beside 分值): the reading chooser tries it.
  const alternatives: Partial<Record<R, number[]>> = {};
  for (const c of candidates) {
    if (c.guessed || usedCols.has(c.col) || columns[c.role] === undefined) continue;
    const alt = (alternatives[c.role] ??= []);
    if (!alt.includes(c.col)) alt.push(c.col);
  }
  return { columns, labels, guessed, alternatives };
}

type Roles<R extends string> = ReturnType<typeof assignRoles<R>>;

const ROLES_MEMO = perSheet<readonly RolePattern<string>[], Map<number, object>>();

function rolesMemo(
  sheet: SheetView,
  patterns: readonly RolePattern<string>[],
): Map<number, object> {
  return getOr(ROLES_MEMO(sheet), patterns, () => new Map());
}

/** True when some cell of the row looks like a header word: a cheap filter before assigning roles. */
export function rowHasHeaderWord(sheet: SheetView, row: number): boolean {
  for (let c = sheet.left; c <= sheet.right; c++) {
    const label = sheet.label(row, c);
    if (label !== '' && isHeaderLike(label)) return true;
  }
  return false;
}

/**
 * Reads the header at `row`, as one row, or as two rows (`row` and the one below) when the lower
 * row adds roles the upper one lacks. `valid` says whether the columns make a header at all.
 */
export function readHeader<R extends string>(
  sheet: SheetView,
  row: number,
  patterns: RolePattern<R>[],
  accepts: (dataRow: number) => (col: number, role: R) => boolean,
  valid: (columns: Partial<Record<R, number>>) => boolean,
): Header<R> | null {
  // Most rows tried are data: when not even every role the labels of this row and the next could
  // take makes a header, none does (validity only asks that roles be present).
  const below = row + 1 <= sheet.bottom ? rowRoles(sheet, row + 1, patterns) : {};
  if (!valid({ ...rowRoles(sheet, row, patterns), ...below })) return null;
  // A header cell merged down into the rows below is a side caption (年度预算申请（万元）
  // spanning the 资金 rows), not a column header.
  const veto = (dataRow: number) => {
    const inner = accepts(dataRow);
    return (col: number, role: R) => {
      const m = sheet.mergeAt(dataRow, col);
      return !(m !== undefined && m.top < dataRow) && inner(col, role);
    };
  };
  // The roles of rows top..bottom depend on nothing else (the data row is bottom + 1; each pattern
  // list comes with one `accepts`), and the lower row of a two-row try is the next row's one-row
  // try: remembered per sheet and pattern list.
  // When only a valid header matters (not how many roles an invalid one has), a row whose labels
  // cannot make one is answered without assigning (`whenValid`): most rows tried are data.
  const roles = (top: number, bottom: number, whenValid: boolean) => {
    const memo = rolesMemo(sheet, patterns);
    const k = (top * 2 + (bottom - top)) * 2;
    let got = (memo.get(k) ?? (whenValid ? memo.get(k + 1) : undefined)) as Roles<R> | undefined;
    if (!got) {
      const labels = columnLabels(sheet, top, bottom);
      got = assignRoles(labels, patterns, veto(bottom + 1), whenValid ? valid : undefined);
      memo.set(whenValid ? k + 1 : k, got);
    }
    return got;
  };
  const header = (top: number, bottom: number, r: Roles<R>): Header<R> => ({
    row: bottom,
    firstRow: top,
    columns: { ...r.columns },
    labels: { ...r.labels },
    guessed: [...r.guessed],
    alternatives: { ...r.alternatives },
  });
  const one = roles(row, row, true);
  let best: Header<R> | null = valid(one.columns) ? header(row, row, one) : null;
  // A row with figures in it is data, whatever words a text cell of it holds (得分计算方法 text).
  if (
    row + 1 <= sheet.bottom &&
    rowHasHeaderWord(sheet, row + 1) &&
    numbersIn(sheet, row + 1) < 2
  ) {
    const two = roles(row, row + 1, true);
    // The upper row must add something the lower row lacks; a data row above a header adds nothing.
    const lower = roles(row + 1, row + 1, false);
    const count = (cols: object) => Object.keys(cols).length;
    if (
      valid(two.columns) &&
      count(two.columns) > (best ? count(best.columns) : 0) &&
      count(two.columns) > count(lower.columns)
    ) {
      best = header(row, row + 1, two);
    }
  }
  return best;
}

/** What the model keeps of a header (model/form.ts HeaderFacts). */
export function headerFacts<R extends string>(h: Header<R>): HeaderFacts<R> {
  return {
    firstRow: h.firstRow,
    row: h.row,
    labels: h.labels,
    guessed: h.guessed,
    alternatives: h.alternatives,
  };
}

/** The last row any assigned header cell covers (a header merged over two rows ends on the second). */
export function headerBottom<R extends string>(sheet: SheetView, header: Header<R>): number {
  let bottom = header.row;
  for (const col of Object.values(header.columns) as number[]) {
    const m = sheet.mergeAt(header.row, col);
    if (m && m.bottom > bottom && m.bottom - header.row <= 2) bottom = m.bottom;
  }
  return bottom;
}

function numbersIn(sheet: SheetView, row: number): number {
  let n = 0;
  for (let c = sheet.left; c <= sheet.right; c++) {
    const v = sheet.ownValue(row, c);
    if (
      typeof v === 'number' ||
      (typeof v === 'string' && /^\s*-?[\d,]+(?:\.\d+)?\s*%?\s*$/.test(v))
    )
      n++;
  }
  return n;
}
