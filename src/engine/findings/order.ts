import { parseA1 } from '../grid/address';
import { SEVERITY } from './severity';
import type { Finding } from './types';

/** Each finding's position, parsed once: a sort compares every finding many times. */
const POSITIONS = new WeakMap<Finding, number>();

function position(f: Finding): number {
  let p = POSITIONS.get(f);
  if (p === undefined) {
    const ref = f.cells.length ? parseA1(f.cells[0]) : null;
    p = ref ? ref.row * 16384 + ref.col : 0;
    POSITIONS.set(f, p);
  }
  return p;
}

/** The order findings are listed in: errors, warnings, then notes; top to bottom, left to right. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY[a.severity].rank - SEVERITY[b.severity].rank || position(a) - position(b);
}
