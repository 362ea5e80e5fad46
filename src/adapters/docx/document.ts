import { strFromU8, type Unzipped } from 'fflate';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import { paragraphText } from './text';
import {
  alternative,
  child,
  contentChildren,
  elementChildren,
  isEl,
  MC,
  parseXml,
  wAttr,
  XmlError,
  type Document,
  type Element,
} from './xml';

export class UnreadableDocx extends Error {}

/** A table cell as placed on the table's grid. */
export interface PlacedCell {
  tc: Element;
  row: number;
  col: number;
}

export interface DocxTable {
  el: Element;
  sheet: GridSnapshot;
  /** The w:tc shown at each grid position's merge master, keyed "row,col". */
  cells: Map<string, PlacedCell>;
}

export interface DocxParagraph {
  /** Numbered from 1 over the paragraphs outside tables that show text. */
  index: number;
  text: string;
  el: Element;
}

export interface DocxDocument {
  files: Unzipped;
  /** The main part's path inside the package ("word/document.xml"). */
  mainPart: string;
  doc: Document;
  tables: DocxTable[];
  paragraphs: DocxParagraph[];
}

/** The main part's relationship type, transitional or strict (purl.oclc.org): its last segment. */
const isMainType = (type: string | null) => !!type && /\/officeDocument$/.test(type);

/** The main document part, found through the package relationships (word/document.xml as a rule). */
export function mainPartOf(files: Unzipped): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const doc = parseXml(strFromU8(rels), '_rels/.rels');
    const all = doc.documentElement
      ? Array.from(doc.documentElement.getElementsByTagName('Relationship'))
      : [];
    for (const r of all) {
      if (isMainType(r.getAttribute('Type'))) {
        const target = (r.getAttribute('Target') ?? '').replace(/\\/g, '/').replace(/^\//, '');
        if (files[target]) return target;
      }
    }
  }
  if (files['word/document.xml']) return 'word/document.xml';
  throw new UnreadableDocx('该文件不是 Word 文档：找不到正文部分（word/document.xml）。');
}

/**
 * Text of one cell: its paragraphs joined with line breaks. A table nested in the cell is a table
 * of its own (a form inside a layout table), so its text is not run into the cell's.
 */
function cellText(tc: Element): string {
  const lines: string[] = [];
  for (const c of contentChildren(tc)) if (isEl(c, 'p')) lines.push(paragraphText(c));
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/**
 * The text boxes anchored in a paragraph (w:txbxContent, in VML w:pict or DrawingML w:drawing),
 * in order; of mc:AlternateContent only the branch Word shows, so a box is never read twice.
 */
function textBoxes(p: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of elementChildren(el)) {
      if (isEl(c, 'AlternateContent', MC)) {
        const branch = alternative(c);
        if (branch) walk(branch);
      } else if (isEl(c, 'txbxContent')) out.push(c);
      else if (!isEl(c, 't') && !isEl(c, 'rPr') && !isEl(c, 'pPr')) walk(c);
    }
  };
  walk(p);
  return out;
}

function intAttr(parent: Element | null, local: string): number | null {
  const el = parent ? child(parent, local) : null;
  const v = el ? wAttr(el, 'val') : null;
  const n = v === null ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

type VMerge = 'none' | 'restart' | 'continue';

function vMergeOf(tcPr: Element | null): VMerge {
  const v = tcPr ? child(tcPr, 'vMerge') : null;
  if (!v) return 'none';
  return wAttr(v, 'val') === 'restart' ? 'restart' : 'continue';
}

/**
 * One table as a grid: gridSpan widens a cell, vMerge="restart" opens a merge down a column that
 * the following "continue" cells extend; w:gridBefore skips grid columns at a row's start.
 */
export function readTable(tbl: Element, name: string): DocxTable {
  const rows = contentChildren(tbl).filter((c) => isEl(c, 'tr'));
  const grid = child(tbl, 'tblGrid');
  let width = grid ? contentChildren(grid).filter((c) => isEl(c, 'gridCol')).length : 0;
  const values: RawValue[][] = [];
  const cells = new Map<string, PlacedCell>();
  const merges: CellRange[] = [];
  // Open vertical merges by their left column.
  const open = new Map<number, CellRange>();
  rows.forEach((tr, r) => {
    const line: RawValue[] = [];
    values.push(line);
    const trPr = child(tr, 'trPr');
    let col = intAttr(trPr, 'gridBefore') ?? 0;
    let last: { range: CellRange } | null = null;
    for (const tc of contentChildren(tr)) {
      if (!isEl(tc, 'tc')) continue;
      const tcPr = child(tc, 'tcPr');
      const span = intAttr(tcPr, 'gridSpan') ?? 1;
      const hMerge = tcPr ? child(tcPr, 'hMerge') : null;
      if (hMerge && wAttr(hMerge, 'val') !== 'restart' && last) {
        // Legacy horizontal merge: this cell widens the one before it.
        last.range.right = col + span - 1;
        col += span;
        continue;
      }
      const vm = vMergeOf(tcPr);
      const above = open.get(col);
      if (vm === 'continue' && above && above.right === col + span - 1) {
        above.bottom = r;
        for (let c = col; c < col + span; c++) line[c] = null;
        last = { range: above };
        col += span;
        continue;
      }
      for (let c = col; c < col + span; c++) {
        const o = open.get(c);
        if (o) open.delete(o.left);
      }
      const text = cellText(tc);
      line[col] = text === '' ? null : text;
      for (let c = col + 1; c < col + span; c++) line[c] = null;
      const range: CellRange = { top: r, left: col, bottom: r, right: col + span - 1 };
      merges.push(range);
      if (vm === 'restart' || vm === 'continue') open.set(col, range);
      cells.set(`${r},${col}`, { tc, row: r, col });
      last = { range };
      col += span;
    }
    // Columns this row does not reach close any merge still open there.
    for (const [c, o] of [...open]) if (c >= col) open.delete(o.left);
    width = Math.max(width, col);
  });
  for (const line of values) while (line.length < width) line.push(null);
  for (const line of values)
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = null;
  const real = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return {
    el: tbl,
    sheet: {
      sheetName: name,
      originRow: 0,
      originCol: 0,
      values,
      texts: values.map((l) => l.map((v) => (typeof v === 'string' ? v : null))),
      merges: real,
    },
    cells,
  };
}

/**
 * Parses a .docx package already unzipped: every top-level table as a grid, and the paragraphs
 * outside tables. Node unzips under the limits of adapters/xlsx/zip.ts (docx/package.ts); the
 * add-in unzips only the XML parts it reads.
 */
export function openUnzipped(files: Unzipped): DocxDocument {
  const mainPart = mainPartOf(files);
  let doc: Document;
  try {
    doc = parseXml(strFromU8(files[mainPart]), mainPart);
  } catch (e) {
    throw new UnreadableDocx(
      e instanceof XmlError ? `无法读取该 Word 文档：${e.message}` : String(e),
    );
  }
  const root = doc.documentElement;
  const body = root ? child(root, 'body') : null;
  if (!body) throw new UnreadableDocx('该 Word 文档没有正文（w:body）。');
  const tables: DocxTable[] = [];
  const paragraphs: DocxParagraph[] = [];
  // Tables in document order, wherever Word shows them: in the body, nested in a table's cells,
  // in text boxes. Paragraphs outside tables (text boxes' included) are the narrative.
  const addTable = (tbl: Element): void => {
    tables.push(readTable(tbl, `表${tables.length + 1}`));
    for (const tr of contentChildren(tbl))
      if (isEl(tr, 'tr'))
        for (const tc of contentChildren(tr)) if (isEl(tc, 'tc')) blocks(tc, false);
  };
  const blocks = (container: Element, narrative: boolean): void => {
    for (const el of contentChildren(container)) {
      if (isEl(el, 'tbl')) addTable(el);
      else if (isEl(el, 'p')) {
        if (narrative) {
          const text = paragraphText(el);
          if (text.trim() !== '') paragraphs.push({ index: paragraphs.length + 1, text, el });
        }
        for (const box of textBoxes(el)) blocks(box, narrative);
      }
    }
  };
  blocks(body, true);
  return { files, mainPart, doc, tables, paragraphs };
}
