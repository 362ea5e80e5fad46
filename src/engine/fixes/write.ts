/**
 * How a fix is written into a cell so it keeps the form's own style: a percentage goes in as a
 * fraction where the cell is formatted as %, as text where the cell held text, as 97.1 where it
 * held 97.1-style numbers; an amount or score goes in as a number. The add-in writes exactly
 * this, and the fix plan (./plan.ts) applies it to a snapshot in memory the same way.
 */
export interface CellWrite {
  value: string | number;
  /** A number format to set, when the cell needs one (a blank rate cell). */
  numberFormat: string | null;
}

export function fixWrite(
  fixValue: string,
  current: { value: unknown; numberFormat: string | null },
): CellWrite {
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(fixValue);
  if (!pct) {
    const n = Number(fixValue);
    return Number.isFinite(n) && fixValue.trim() !== ''
      ? { value: n, numberFormat: null }
      : { value: fixValue, numberFormat: null };
  }
  const percent = Number(pct[1]);
  const decimals = (pct[1].split('.')[1] ?? '').length;
  const fraction = Number((percent / 100).toFixed(decimals + 2));
  const format = current.numberFormat ?? '';
  if (format.includes('%')) return { value: fraction, numberFormat: null };
  if (typeof current.value === 'string' && current.value.trim() !== '')
    return { value: fixValue, numberFormat: null };
  if (typeof current.value === 'number')
    return current.value > 1.5
      ? { value: percent, numberFormat: null }
      : { value: fraction, numberFormat: `0${decimals ? '.' + '0'.repeat(decimals) : ''}%` };
  return { value: fraction, numberFormat: `0${decimals ? '.' + '0'.repeat(decimals) : ''}%` };
}
