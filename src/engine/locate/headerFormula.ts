import type { SheetView } from '../grid/sheet';
import type { FundsColumnRole } from '../model/roles';

/**
 * The arithmetic a 资金 header states with circled numbers (RULES §1.3: the form's own arithmetic
 * says how to read it). 福建's 部门整体支出绩效自评表 numbers its columns and writes how they
 * relate: 年初部门预算安排金额① | 年中调整金额② | 小计③=①+② | 年度拨付金额 | 支出实现率(%)⑤=④/③ |
 * 本年度结余金额⑥=③-④ | 资金结余率(%)⑦=⑥/③. The rate is the ratio the spending rate names:
 * its numerator is the executed amount and its denominator the budget, whatever the columns are
 * called; a column the numbering skips (年度拨付金额 between ③ and ⑤) is the number it skips.
 */
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const C = `[${CIRCLED}]`;
/** ③=①+②, ⑤=④/③, ⑥=③-④: the column's own number, then its terms joined by one operator. */
const FORMULA = new RegExp(`(${C})=(${C}(?:[+\\-－−/÷]${C})+)`);
const OWN_AT_END = new RegExp(`(${C})\\)?$`);
const RATIO_HINT = new RegExp(`${C}\\s*[/÷]`);
const EVERY_NUMBER = new RegExp(C, 'g');

interface Numbered {
  col: number;
  /** The label as written, spaces removed (circled numbers kept: NFKC would make them digits). */
  label: string;
  own: number | null;
  ratio: [number, number] | null;
  sum: number[] | null;
}

const numberOf = (ch: string) => CIRCLED.indexOf(ch) + 1;

function numbered(col: number, raw: string): Numbered {
  const label = raw.replace(/\s+/g, '');
  const f = FORMULA.exec(label);
  if (f) {
    const terms = [...f[2]].filter((ch) => CIRCLED.includes(ch)).map(numberOf);
    const ops = f[2].replace(EVERY_NUMBER, '');
    const ratio = ops === '/' || ops === '÷' ? ([terms[0], terms[1]] as [number, number]) : null;
    const sum = /^\++$/.test(ops) ? terms : null;
    return { col, label, own: numberOf(f[1]), ratio, sum };
  }
  const end = OWN_AT_END.exec(label);
  return { col, label, own: end ? numberOf(end[1]) : null, ratio: null, sum: null };
}

/**
 * Numbers for the columns the form left unnumbered, where the numbering leaves no doubt: the
 * columns between ③ and ⑤ when exactly one stands there, and the columns just left of the first
 * number when exactly as many stand there as it is past ①. Null when the numbers do not rise
 * from left to right (then they are not a numbering of the columns).
 */
function completed(cells: Numbered[]): Map<number, Numbered> | null {
  const byCol = new Map(cells.map((n) => [n.col, n]));
  const known = cells.filter((n) => n.own !== null);
  for (let i = 1; i < known.length; i++) if (known[i].own! <= known[i - 1].own!) return null;
  const fill = (cols: number[], from: number) => {
    cols.forEach((c, k) => {
      const cell = byCol.get(c);
      if (cell) byCol.set(c, { ...cell, own: from + k });
    });
  };
  for (let i = 1; i < known.length; i++) {
    const a = known[i - 1];
    const b = known[i];
    const between = range(a.col + 1, b.col - 1);
    if (between.length === b.own! - a.own! - 1 && between.every((c) => byCol.has(c)))
      fill(between, a.own! + 1);
  }
  const first = known[0];
  if (first && first.own! > 1) {
    const before = range(first.col - first.own! + 1, first.col - 1);
    if (before.every((c) => byCol.has(c) && byCol.get(c)!.own === null)) fill(before, 1);
  }
  return byCol;
}

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

/**
 * The budget, executed and rate columns (and 年初, the first term of the budget's sum when its
 * label says 年初) the header row states by its circled-number formulas, or null when it states
 * no spending-rate ratio. The rate is the ratio whose column is a 率 that is not a 结余率.
 */
export function statedFundsColumns(
  sheet: SheetView,
  row: number,
): Partial<Record<FundsColumnRole, number>> | null {
  // Most header rows number nothing: a ratio needs a circled number before a slash.
  let states = false;
  for (let c = sheet.left; c <= sheet.right && !states; c++) {
    const raw = sheet.valueAt(row, c);
    states = typeof raw === 'string' && RATIO_HINT.test(raw);
  }
  if (!states) return null;
  const cells: Numbered[] = [];
  for (let c = sheet.left; c <= sheet.right; c++) {
    const raw = sheet.valueAt(row, c);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    // A label merged across several columns is a caption, not one column's header.
    const m = sheet.mergeAt(row, c);
    if (m && (m.left !== c || m.right > m.left)) continue;
    cells.push(numbered(c, raw));
  }
  if (!cells.some((n) => n.ratio)) return null;
  const byCol = completed(cells);
  if (!byCol) return null;
  const colOf = new Map<number, number>();
  for (const n of byCol.values()) if (n.own !== null) colOf.set(n.own, n.col);
  const rates = [...byCol.values()].filter(
    (n) => n.ratio && /率/.test(n.label) && !/结余|结转/.test(n.label),
  );
  if (rates.length !== 1) return null;
  const [num, den] = rates[0].ratio!;
  const exec = colOf.get(num);
  const budget = colOf.get(den);
  if (exec === undefined || budget === undefined || exec === budget) return null;
  const out: Partial<Record<FundsColumnRole, number>> = { budget, exec, rate: rates[0].col };
  const first = byCol.get(budget)?.sum?.[0];
  const initial = first === undefined ? undefined : colOf.get(first);
  if (initial !== undefined && /年初/.test(byCol.get(initial)!.label)) out.initialBudget = initial;
  return out;
}
