/**
 * Shared formulas: a follower carries only the group's id, and its formula is the master's with
 * every relative reference moved by the follower's offset from the master (as Excel shows it).
 */

// Skipped whole: string literals, quoted sheet names, structured and external references. Then
// A1 cells, column ranges (A:C) and row ranges (1:3), none glued to a name or a function call.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\]|(?<![\w.])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.])|(?<![\w.])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(.!])|(?<![\w.])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w(.])/g;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const MAX_COL = 16384;
const MAX_ROW = 1048576;

/** The formula moved by dr rows and dc columns; a reference moved off the sheet is #REF!. */
export function translateFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  const col = (abs: string, letters: string): string | null => {
    const n = abs ? colNumber(letters) : colNumber(letters) + dc;
    return n < 1 || n > MAX_COL ? null : abs + colLetters(n);
  };
  const row = (abs: string, digits: string): string | null => {
    const n = abs ? Number(digits) : Number(digits) + dr;
    return n < 1 || n > MAX_ROW ? null : abs + n;
  };
  return formula.replace(
    TOKEN,
    (m, ca?: string, cl?: string, ra?: string, rd?: string, ...rest: (string | undefined)[]) => {
      if (cl !== undefined) {
        if (colNumber(cl) > MAX_COL || Number(rd) > MAX_ROW) return m;
        const c = col(ca!, cl);
        const r = row(ra!, rd!);
        return c && r ? c + r : '#REF!';
      }
      const [a1, l1, a2, l2, b1, d1, b2, d2] = rest;
      if (l1 !== undefined) {
        if (colNumber(l1) > MAX_COL || colNumber(l2!) > MAX_COL) return m;
        const x = col(a1!, l1);
        const y = col(a2!, l2!);
        return x && y ? `${x}:${y}` : '#REF!';
      }
      if (d1 !== undefined) {
        const x = row(b1!, d1);
        const y = row(b2!, d2!);
        return x && y ? `${x}:${y}` : '#REF!';
      }
      return m;
    },
  );
}
