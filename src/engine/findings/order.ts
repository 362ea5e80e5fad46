import { parseA1 } from '../grid/address';
import { SEVERITY } from './severity';
import type { Finding } from './types';

function position(f: Finding): number {
  const ref = f.cells.length ? parseA1(f.cells[0]) : null;
  return ref ? ref.row * 16384 + ref.col : 0;
}

/** The order findings are listed in: errors, warnings, then notes; top to bottom, left to right. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY[a.severity].rank - SEVERITY[b.severity].rank || position(a) - position(b);
}
