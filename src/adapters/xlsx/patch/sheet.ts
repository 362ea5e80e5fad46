import { CORRUPT, UnreadableFile } from '../zip';
import { attrsOf } from './package';

/**
 * A worksheet's XML with some cells' style ids changed: the cell elements keep their values,
 * formulas and every other attribute; a marked cell that does not exist yet is added empty (a
 * blank cell stays blank). Nothing outside the touched start tags changes.
 */

export function colOf(address: string): number {
  let col = 0;
  for (const ch of address.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c !== 36) break;
  }
  return col;
}

export function rowOf(address: string): number {
  return Number(/(\d+)$/.exec(address)?.[1] ?? 0);
}

export function colName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const esc = (p: string) => p.replace(/[.]/g, '\\.');

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** The worksheet's element prefix ("" or "x:"). */
export function sheetPrefix(xml: string): string {
  return /<((?:[\w.-]+:)?)worksheet\b/.exec(xml)?.[1] ?? '';
}

/** Column styles from <cols>: the style an empty cell in that column shows. */
function columnStyles(xml: string, p: string): (col: number) => number {
  const spans: { min: number; max: number; style: number }[] = [];
  const cols = new RegExp(`<${esc(p)}cols\\b[^>]*>([\\s\\S]*?)</${esc(p)}cols\\s*>`).exec(xml);
  if (cols)
    for (const m of cols[1].matchAll(new RegExp(`<${esc(p)}col\\b[^>]*>`, 'g'))) {
      const a = attrsOf(m[0]);
      if (a.style) spans.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) });
    }
  return (col) => spans.find((s) => col >= s.min && col <= s.max)?.style ?? 0;
}

/** What restyling one worksheet needs: its prefix, the marked columns by row, the restyler. */
interface Restyling {
  p: string;
  byRow: Map<number, Set<number>>;
  colStyle: (col: number) => number;
  restyle: (address: string, style: number) => number;
}

function targetsByRow(targets: Set<string>): Map<number, Set<number>> {
  const byRow = new Map<number, Set<number>>();
  for (const a of targets) {
    const r = rowOf(a);
    if (!byRow.has(r)) byRow.set(r, new Set());
    byRow.get(r)!.add(colOf(a));
  }
  return byRow;
}

/** A marked cell the sheet does not have: added empty, with the style it would show. */
function newCell(x: Restyling, col: number, row: number, style: number): string {
  return `<${x.p}c r="${colName(col)}${row}" s="${x.restyle(`${colName(col)}${row}`, style)}"/>`;
}

/** A row the sheet does not have, holding its marked cells. */
function newRow(x: Restyling, row: number): string {
  return `<${x.p}row r="${row}">${[...x.byRow.get(row)!]
    .sort((a, b) => a - b)
    .map((c) => newCell(x, c, row, x.colStyle(c)))
    .join('')}</${x.p}row>`;
}

/** The cells of one row (its inner XML) with the marked ones restyled and the missing added. */
function restyleRowCells(
  x: Restyling,
  inner: string,
  rowNum: number,
  missingStyle: (c: number) => number,
): { cellsOut: string; rest: string; grew: boolean } {
  const cellRe = new RegExp(
    `<${esc(x.p)}c(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${esc(x.p)}c\\s*>)`,
    'g',
  );
  let cellsOut = '';
  let cLast = 0;
  let col = 0;
  const left = new Set(x.byRow.get(rowNum)!);
  let inserted = false;
  for (const cm of inner.matchAll(cellRe)) {
    const tag = /^<[^>]*?\/?>/.exec(cm[0])![0];
    const ca = attrsOf(tag);
    col = ca.r ? colOf(ca.r) : col + 1;
    for (const c of [...left].sort((a, b) => a - b)) {
      if (c >= col) break;
      cellsOut += inner.slice(cLast, cm.index) + newCell(x, c, rowNum, missingStyle(c));
      cLast = cm.index!;
      left.delete(c);
      inserted = true;
    }
    if (!left.has(col)) continue;
    left.delete(col);
    const address = `${colName(col)}${rowNum}`;
    const s = x.restyle(address, Number(ca.s ?? 0));
    cellsOut +=
      inner.slice(cLast, cm.index) + setAttr(tag, 's', String(s)) + cm[0].slice(tag.length);
    cLast = cm.index! + cm[0].length;
  }
  // Cells after the last one: before any <extLst> the row may hold.
  let rest = inner.slice(cLast);
  const tail = [...left]
    .sort((a, b) => a - b)
    .map((c) => newCell(x, c, rowNum, missingStyle(c)))
    .join('');
  if (tail) {
    const ext = rest.search(new RegExp(`<${esc(x.p)}extLst\\b`));
    rest = ext < 0 ? rest + tail : rest.slice(0, ext) + tail + rest.slice(ext);
  }
  return { cellsOut, rest, grew: tail !== '' || inserted };
}

/** One existing row with marked cells, rebuilt. */
function restyleRow(
  x: Restyling,
  start: string,
  ra: Record<string, string>,
  inner: string,
  rowNum: number,
): string {
  const rowStyle = ra.customFormat === '1' || ra.customFormat === 'true' ? Number(ra.s ?? 0) : -1;
  const missingStyle = (c: number) => (rowStyle >= 0 ? rowStyle : x.colStyle(c));
  const { cellsOut, rest, grew } = restyleRowCells(x, inner, rowNum, missingStyle);
  let rowStart = start;
  // spans is a hint Excel checks against the cells: a row that gained cells drops it.
  if (grew) rowStart = dropAttr(rowStart, 'spans');
  return rowStart.endsWith('/>')
    ? `${rowStart.replace(/\s*\/>$/, '>')}${cellsOut}${rest}</${x.p}row>`
    : `${rowStart}${cellsOut}${rest}</${x.p}row>`;
}

/**
 * Restyles cells: `restyle(address, current style id)` gives the new id. Returns the new XML.
 * Rows and cells without r= are numbered as Excel does (one after the previous).
 */
export function restyleCells(
  xml: string,
  targets: Set<string>,
  restyle: (address: string, style: number) => number,
): string {
  if (targets.size === 0) return xml;
  const p = sheetPrefix(xml);
  const x: Restyling = { p, byRow: targetsByRow(targets), colStyle: columnStyles(xml, p), restyle };
  const data = new RegExp(
    `<${esc(p)}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${esc(p)}sheetData\\s*>)`,
  ).exec(xml);
  if (!data) throw new UnreadableFile(CORRUPT);
  const open = /^<[^>]*?\/?>/.exec(data[0])![0].replace(/\s*\/>$/, '>');
  const body = data[1] ?? '';
  const rowRe = new RegExp(
    `<${esc(p)}row(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${esc(p)}row\\s*>)`,
    'g',
  );
  const pending = [...x.byRow.keys()].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  let rowNum = 0;
  for (const m of body.matchAll(rowRe)) {
    const start = /^<[^>]*?\/?>/.exec(m[0])![0];
    const ra = attrsOf(start);
    rowNum = ra.r ? Number(ra.r) : rowNum + 1;
    // Rows not in the sheet go in before the first row after them.
    while (pending.length && pending[0] < rowNum) {
      out += body.slice(last, m.index) + newRow(x, pending.shift()!);
      last = m.index!;
    }
    if (pending[0] !== rowNum) continue;
    pending.shift();
    out += body.slice(last, m.index) + restyleRow(x, start, ra, m[1] ?? '', rowNum);
    last = m.index! + m[0].length;
  }
  out += body.slice(last) + pending.map((r) => newRow(x, r)).join('');
  return `${xml.slice(0, data.index)}${open}${out}</${p}sheetData>${xml.slice(data.index + data[0].length)}`;
}

/** Elements that follow <legacyDrawing> in a worksheet (CT_Worksheet's order). */
const AFTER_LEGACY = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The worksheet with a <legacyDrawing r:id="…"/> in its place. */
export function addLegacyDrawing(xml: string, relPrefix: string, id: string): string {
  const p = sheetPrefix(xml);
  const el = `<${p}legacyDrawing ${relPrefix}:id="${id}"/>`;
  let at = -1;
  for (const name of AFTER_LEGACY) {
    const m = new RegExp(`<${esc(p)}${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = new RegExp(`</${esc(p)}worksheet\\s*>`).exec(xml)?.index ?? -1;
  if (at < 0) throw new UnreadableFile(CORRUPT);
  return xml.slice(0, at) + el + xml.slice(at);
}

/** The prefix bound to the relationships namespace on the root (declared there when absent). */
export function relationshipPrefix(
  xml: string,
  rootName: string,
  ns: string,
): { xml: string; prefix: string } {
  const root = new RegExp(`<(?:[\\w.-]+:)?${rootName}\\b[^>]*>`).exec(xml);
  if (!root) throw new UnreadableFile(CORRUPT);
  for (const m of root[0].matchAll(/xmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    if ((m[3] ?? m[4]) === ns) return { xml, prefix: m[1] };
  let prefix = 'r';
  while (new RegExp(`xmlns:${prefix}\\s*=`).test(root[0])) prefix += 'x';
  const tag = root[0].replace(/\s*(\/?)>$/, ` xmlns:${prefix}="${ns}"$1>`);
  return { xml: xml.slice(0, root.index) + tag + xml.slice(root.index + root[0].length), prefix };
}
