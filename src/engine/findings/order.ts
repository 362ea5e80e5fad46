import { parseA1 } from '../grid/address';
import type { Finding, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(f: Finding): number {
  const ref = f.cells.length ? parseA1(f.cells[0]) : null;
  return ref ? ref.row * 16384 + ref.col : 0;
}

/** The order findings are listed in: errors, warnings, then notes; top to bottom, left to right. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || position(a) - position(b);
}
