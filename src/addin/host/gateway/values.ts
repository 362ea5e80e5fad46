import { parseA1 } from '../../../engine/grid/address';
import type { GridSnapshot, RawValue } from '../../../engine/grid/types';

/** The raw value at an A1 address of a snapshot (null outside it). */
export function valueAt(s: GridSnapshot, cell: string): RawValue {
  const ref = parseA1(cell);
  if (!ref) return null;
  return s.values[ref.row - s.originRow]?.[ref.col - s.originCol] ?? null;
}

/** Whether a cell still holds what the check saw: numbers by value, text trimmed, blank as blank. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === '' || v === undefined ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (x === null || y === null) return false;
  const nx = typeof x === 'number' ? x : Number(String(x).trim());
  const ny = typeof y === 'number' ? y : Number(String(y).trim());
  if (typeof x === 'number' || typeof y === 'number')
    return Number.isFinite(nx) && Number.isFinite(ny) && Math.abs(nx - ny) < 1e-9;
  return String(x).trim() === String(y).trim();
}
