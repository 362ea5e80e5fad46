import type { Dec } from '../../values/decimal';

/** The one tolerance comparison: |a − b| ≤ tolerance (amounts: 尾差 0.01; scores: 0.01). */
export function agrees(a: Dec, b: Dec, tolerance: Dec): boolean {
  return a.minus(b).abs().lessThanOrEqualTo(tolerance);
}
