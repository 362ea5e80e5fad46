import { derivationOf } from '../grid/derived';
import type { SheetView } from '../grid/sheet';
import type { GridSnapshot } from '../grid/types';
import { LABEL_LOOKAHEAD, readFundsHeader } from './funds';
import { rowHasHeaderWord } from './header';
import { readIndicatorHeader } from './indicators';

export type Block =
  | { kind: 'funds'; header: NonNullable<ReturnType<typeof readFundsHeader>> }
  | { kind: 'indicators'; header: NonNullable<ReturnType<typeof readIndicatorHeader>> };

/**
 * The rows a header read at row r depends on: r and r + 1 (a two-row header, and whether r + 1
 * holds figures), the data row below either, and the 资金 lookahead below that data row.
 */
export const HEADER_REACH = 2 + LABEL_LOOKAHEAD;

interface Known {
  bounds: string;
  rows: Map<number, Block | null>;
}

const KNOWN = new WeakMap<GridSnapshot, Known>();

const boundsOf = (sheet: SheetView) => `${sheet.top},${sheet.left},${sheet.bottom},${sheet.right}`;

/** The block header at row r, if any: an indicator header first, else a 资金 header. */
function readAt(sheet: SheetView, r: number): Block | null {
  if (!rowHasHeaderWord(sheet, r)) return null;
  const ind = readIndicatorHeader(sheet, r);
  if (ind) return { kind: 'indicators', header: ind };
  const funds = readFundsHeader(sheet, r);
  return funds ? { kind: 'funds', header: funds } : null;
}

/**
 * The rows of `snapshot` whose header reading a copy derived from it (derivationOf: the fix
 * planner's re-checks) can take over: those no changed cell reaches. A changed cell that is a
 * merge's top-left changes the label of every row the merge covers.
 */
function reusable(
  snapshot: GridSnapshot,
  sheet: SheetView,
): ((r: number) => Block | null | undefined) | null {
  const d = derivationOf(snapshot);
  const from = d && KNOWN.get(d.parent);
  if (!d || !from || from.bounds !== boundsOf(sheet)) return null;
  const dirty: [number, number][] = d.changed.map((ref) => {
    const m = sheet.mergeAt(ref.row, ref.col);
    return m && m.top === ref.row && m.left === ref.col ? [m.top, m.bottom] : [ref.row, ref.row];
  });
  return (r) =>
    dirty.some(([top, bottom]) => bottom >= r && top <= r + HEADER_REACH)
      ? undefined
      : from.rows.get(r);
}

/**
 * Each row's header reading, once per locate: the locator asks again as it walks from block to
 * block. What it read is kept with the snapshot for copies derived from it (the fix planner's
 * re-checks differ in a few cells); the snapshot's own reading starts afresh at every locate.
 */
export function headerReader(
  snapshot: GridSnapshot,
  sheet: SheetView,
): (r: number) => Block | null {
  const rows = new Map<number, Block | null>();
  const inherited = reusable(snapshot, sheet);
  KNOWN.set(snapshot, { bounds: boundsOf(sheet), rows });
  return (r) => {
    let b = rows.get(r);
    if (b === undefined) {
      b = inherited?.(r);
      if (b === undefined) b = readAt(sheet, r);
      rows.set(r, b);
    }
    return b;
  };
}
