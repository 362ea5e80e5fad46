import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import type { EtGrid, EtRange, EtScalar, EtWorksheet } from './et';

/** A sheet's used range, 0-based like the engine's grid. */
export interface EtBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const cellAddress = (row: number, col: number): string => `${colLetters(col)}${row + 1}`;

export function boxAddress(b: EtBox): string {
  const a = cellAddress(b.top, b.left);
  const z = cellAddress(b.bottom, b.right);
  return a === z ? a : `${a}:${z}`;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** "$A$4:$A$12" (a sheet prefix allowed) as a box; null for anything else. */
export function parseAddress(address: string): EtBox | null {
  const m = /^(?:.*!)?\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(address.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = colIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? colIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * Where a range lies: one call (Address), parsed; should WPS answer in another form, six calls
 * (Row, Column, Rows, Rows.Count, Columns, Columns.Count).
 */
export function boxOf(r: EtRange): EtBox {
  // A COM property with parameters is a method in the WPS JS API; accept a plain string too.
  const address: unknown = (r as { Address: unknown }).Address;
  const text =
    typeof address === 'function'
      ? String(address.call(r, true, true))
      : typeof address === 'string'
        ? address
        : '';
  const parsed = parseAddress(text);
  if (parsed) return parsed;
  const top = r.Row - 1;
  const left = r.Column - 1;
  return { top, left, bottom: top + r.Rows.Count - 1, right: left + r.Columns.Count - 1 };
}

/** Value2/Formula as rows: one cell comes back as a scalar. */
function rowsOf(g: EtGrid, box: EtBox): EtScalar[][] {
  if (Array.isArray(g)) return g;
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => g));
}

const blankToNull = (v: EtScalar): RawValue =>
  v === '' || v === undefined || v === null ? null : v;

const inside = (b: EtBox, a: EtBox) =>
  b.top >= a.top && b.bottom <= a.bottom && b.left >= a.left && b.right <= a.right;

/**
 * Number formats by blocks: the whole range first (one call when the sheet uses one format), then
 * each column, then halves of a column, down to single cells only where formats really change.
 */
function readFormats(ws: EtWorksheet, box: EtBox, out: (string | null)[][], origin: EtBox): void {
  const f = ws.Range(boxAddress(box)).NumberFormat;
  if (f !== null && f !== undefined) {
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) out[r - origin.top][c - origin.left] = f;
    return;
  }
  if (box.right > box.left) {
    for (let c = box.left; c <= box.right; c++)
      readFormats(ws, { ...box, left: c, right: c }, out, origin);
    return;
  }
  const mid = Math.floor((box.top + box.bottom) / 2);
  readFormats(ws, { ...box, bottom: mid }, out, origin);
  readFormats(ws, { ...box, top: mid + 1 }, out, origin);
}

/**
 * Merged areas without a call per cell: MergeCells of a block is false (none), true (all) or null
 * (some). A block that is all merged is one area when its top-left cell's MergeArea covers it;
 * otherwise, or when mixed, it is halved along its longer side. Cost grows with the areas, not
 * with the cells.
 */
function readMerges(ws: EtWorksheet, box: EtBox, found: CellRange[]): void {
  if (found.some((a) => inside(box, a))) return;
  const r = ws.Range(boxAddress(box));
  const m = r.MergeCells;
  if (m === false) return;
  if (m === true) {
    const corner = { top: box.top, left: box.left, bottom: box.top, right: box.left };
    let area = found.find((a) => inside(corner, a));
    if (!area) {
      area = boxOf(ws.Range(cellAddress(box.top, box.left)).MergeArea);
      found.push(area);
    }
    if (inside(box, area)) return;
  }
  if (box.top === box.bottom && box.left === box.right) return;
  if (box.bottom - box.top >= box.right - box.left) {
    const mid = Math.floor((box.top + box.bottom) / 2);
    readMerges(ws, { ...box, bottom: mid }, found);
    readMerges(ws, { ...box, top: mid + 1 }, found);
  } else {
    const mid = Math.floor((box.left + box.right) / 2);
    readMerges(ws, { ...box, right: mid }, found);
    readMerges(ws, { ...box, left: mid + 1 }, found);
  }
}

/**
 * What the engine needs of one sheet: values and formulas in one call each over the used range,
 * number formats by uniform blocks, merged areas by halving. Text is not read: ET gives it only
 * per uniform range (null otherwise), i.e. a call per cell; the engine reads rates from the value
 * and the number format, as it does for the CLI's reader.
 */
export function readEtSheet(ws: EtWorksheet, name: string, box: EtBox): GridSnapshot {
  const used = ws.Range(boxAddress(box));
  const values = rowsOf(used.Value2, box).map((row) => row.map(blankToNull));
  const formulas = rowsOf(used.Formula, box).map((row) =>
    row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)),
  );
  const numberFormats: (string | null)[][] = values.map((row) => row.map(() => null));
  readFormats(ws, box, numberFormats, box);
  const merges: CellRange[] = [];
  readMerges(ws, box, merges);
  return {
    sheetName: name,
    originRow: box.top,
    originCol: box.left,
    values,
    numberFormats,
    formulas,
    merges,
  };
}
