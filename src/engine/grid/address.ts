import type { CellRef } from './types';

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function toA1(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/** "$G$34" or "Sheet1!G34" → {row: 33, col: 6}; null when it is not an address. */
export function parseA1(address: string): CellRef | null {
  const bare = address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(bare);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B3:D7" → its corners; a single address is a one-cell range. */
export function parseRangeA1(
  range: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = range.replace(/^.*!/, '').split(':');
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}
