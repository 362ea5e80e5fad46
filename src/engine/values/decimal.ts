import Decimal from 'decimal.js';

/**
 * A private Decimal constructor so the engine's precision never depends on a caller's config.
 * 28 significant digits (as .NET decimal): sums of amounts to the fen stay exact far beyond any
 * budget, and only quotients (rates, score ratios) are rounded, 20+ digits below what is shown.
 */
export const Dec = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/**
 * A stored number as the decimal it was typed as: 299.59 arrives as the binary double
 * 299.589999…, and its shortest round-trip form "299.59" is what the user typed.
 */
export function fromNumber(n: number): Dec {
  // Decimals are immutable, and forms repeat their numbers (5, 10, 100): share one per value.
  let d = FROM_NUMBER.get(n);
  if (d === undefined) {
    if (FROM_NUMBER.size >= 10_000) FROM_NUMBER.clear();
    d = new Dec(String(n));
    FROM_NUMBER.set(n, d);
  }
  return d;
}

const FROM_NUMBER = new Map<number, Dec>();

export function sum(values: Dec[]): Dec {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** Round half up to `dp` decimals (Excel's ROUND). */
export function round(d: Dec, dp: number): Dec {
  return d.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/** "96", "96.04", "0.5": a score or amount without trailing zeros (at most `dp` decimals). */
export function plain(d: Dec, dp = 2): string {
  return round(d, dp).toFixed();
}

/** "299.59", "0.00": an amount with exactly two decimals, as the form shows money. */
export function money(d: Dec): string {
  return round(d, 2).toFixed(2);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

export function clamp(d: Dec, lo: Dec, hi: Dec): Dec {
  return maxDec(lo, minDec(hi, d));
}
