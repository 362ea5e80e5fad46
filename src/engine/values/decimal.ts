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

/**
 * Σ values, exactly as adding them one by one with Decimal's plus (28 significant digits). Each
 * plus copies both operands into new Decimals; a 2,000-row form sums thousands of weights and
 * scores, so the sum is taken as whole numbers over the decimals' base-1e7 words instead,
 * whenever no partial sum can need more than 28 digits (then no plus would have rounded).
 */
export function sum(values: Dec[]): Dec {
  return exactSum(values) ?? values.reduce((a, b) => a.plus(b), ZERO);
}

const WORD = 10_000_000;

/**
 * The exact sum, or null where plus could have rounded (or a value is not finite). Decimal keeps
 * its digits in base-1e7 words aligned on the decimal point (0.04 is [400000] at exponent -2: one
 * word of 1e-7s); the words are added position by position, positive and negative apart, in
 * integers that stay far below 2^53 (no BigInt: the WPS pane runs an ES2017 engine).
 */
function exactSum(values: Dec[]): Dec | null {
  if (values.length === 0) return ZERO;
  if (values.length > 100_000) return null;
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!v.d) return null;
    if (!v.d[0]) continue;
    const top = Math.floor(v.e / 7);
    if (top > high) high = top;
    if (top - v.d.length + 1 < low) low = top - v.d.length + 1;
  }
  if (low === Infinity) return new Dec(0);
  // Word k of each array stands for 1e7^(low + k); four words spare for the carries.
  const plus = new Array<number>(high - low + 5).fill(0);
  const minus = new Array<number>(high - low + 5).fill(0);
  for (const v of values) {
    if (!v.d[0]) continue;
    const into = v.s < 0 ? minus : plus;
    const top = Math.floor(v.e / 7) - low;
    for (let i = 0; i < v.d.length; i++) into[top - i] += v.d[i];
  }
  carry(plus);
  carry(minus);
  // Both under 1e27: every partial sum is under 2e27, 28 digits at most.
  if (digits(plus) > 27 || digits(minus) > 27) return null;
  const order = compareWords(plus, minus);
  if (order === 0) return new Dec(0);
  const words = order > 0 ? subtractWords(plus, minus) : subtractWords(minus, plus);
  return new Dec(`${order < 0 ? '-' : ''}${wordsText(words)}e${7 * low}`);
}

/** Carries each word's excess into the next: every word ends in 0 … 1e7 − 1. */
function carry(words: number[]): void {
  for (let k = 0; k < words.length - 1; k++) {
    const over = Math.floor(words[k] / WORD);
    words[k] -= over * WORD;
    words[k + 1] += over;
  }
}

/** The decimal digits of a carried number (0 for zero). */
function digits(words: number[]): number {
  for (let k = words.length - 1; k >= 0; k--)
    if (words[k] !== 0) return 7 * k + String(words[k]).length;
  return 0;
}

function compareWords(a: number[], b: number[]): number {
  for (let k = a.length - 1; k >= 0; k--) if (a[k] !== b[k]) return a[k] > b[k] ? 1 : -1;
  return 0;
}

/** a − b for carried a ≥ b. */
function subtractWords(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length);
  let borrow = 0;
  for (let k = 0; k < a.length; k++) {
    let w = a[k] - b[k] - borrow;
    borrow = w < 0 ? 1 : 0;
    if (w < 0) w += WORD;
    out[k] = w;
  }
  return out;
}

/** A carried number's digits, most significant first. */
function wordsText(words: number[]): string {
  let k = words.length - 1;
  while (k > 0 && words[k] === 0) k--;
  let out = String(words[k]);
  for (k--; k >= 0; k--) out += String(words[k]).padStart(7, '0');
  return out;
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

/**
 * a compared with b (-1, 0, 1), as Decimal's comparedTo, which first copies b into a new Decimal
 * (digits and all): a 2,000-row form compares tens of thousands of times. Reads the documented
 * sign, exponent and base-1e7 digits of two finite decimals; anything else goes to Decimal.
 */
export function compare(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.comparedTo(b);
  const as = a.s;
  // Either zero?
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -b.s : 0;
  if (as !== b.s) return as;
  if (a.e !== b.e) return a.e > b.e !== as < 0 ? 1 : -1;
  const n = ad.length < bd.length ? ad.length : bd.length;
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i] > bd[i] !== as < 0 ? 1 : -1;
  return ad.length === bd.length ? 0 : ad.length > bd.length !== as < 0 ? 1 : -1;
}

export const lt = (a: Dec, b: Dec): boolean => compare(a, b) < 0;
export const lte = (a: Dec, b: Dec): boolean => compare(a, b) <= 0;
export const gt = (a: Dec, b: Dec): boolean => compare(a, b) > 0;
export const gte = (a: Dec, b: Dec): boolean => compare(a, b) >= 0;

export function minDec(a: Dec, b: Dec): Dec {
  return lt(a, b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return gt(a, b) ? a : b;
}

export function clamp(d: Dec, lo: Dec, hi: Dec): Dec {
  return maxDec(lo, minDec(hi, d));
}
