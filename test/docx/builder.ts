/**
 * A small .docx writer for test fixtures: tables with gridSpan / vMerge and body paragraphs,
 * written through a DOM (xmldom) and zipped with fflate. Not part of the product.
 */
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface BCell {
  text: string;
  /** Grid columns the cell spans (w:gridSpan). */
  span?: number;
  /** w:vMerge: 'restart' opens a vertical merge, 'continue' extends the one above. */
  vMerge?: 'restart' | 'continue';
}

export interface BTable {
  rows: BCell[][];
  /** Width of the grid (w:tblGrid); default: the widest row. */
  cols?: number;
}

export type Block = { table: BTable } | { paragraph: string };
/** A merged area of a grid, 1-based and inclusive. */
export interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Grid rows `from`..`to` (1-based) as Word cells: a merge is gridSpan across and vMerge down, its
 * text in the restarting cell; `text(row, col)` gives a cell's printed text.
 */
export function wordRows(
  text: (row: number, col: number) => string,
  merges: MergeBox[],
  rows: { from: number; to: number },
  width: number,
): BCell[][] {
  const out: BCell[][] = [];
  for (let r = rows.from; r <= rows.to; r++) {
    const line: BCell[] = [];
    for (let c = 1; c <= width;) {
      const m = merges.find((x) => x.top <= r && r <= x.bottom && x.left <= c && c <= x.right);
      if (m) {
        const cell: BCell = { text: r === m.top ? text(m.top, m.left) : '' };
        if (m.right > m.left) cell.span = m.right - m.left + 1;
        if (m.bottom > m.top) cell.vMerge = r === m.top ? 'restart' : 'continue';
        line.push(cell);
        c = m.right + 1;
      } else {
        line.push({ text: text(r, c) });
        c++;
      }
    }
    out.push(line);
  }
  return out;
}

export interface BuildOptions {
  /** Split paragraph text into several runs at these characters (Word splits runs anywhere). */
  splitRunsAt?: string;
}

function el(doc: Document, name: string, attrs: Record<string, string> = {}): Element {
  const e = doc.createElementNS(W, `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `w:${k}`, v);
  return e;
}

function runs(doc: Document, p: Element, text: string, opts: BuildOptions): void {
  const pieces: string[] = [];
  if (opts.splitRunsAt) {
    let cur = '';
    for (const ch of text) {
      cur += ch;
      if (opts.splitRunsAt.includes(ch)) {
        pieces.push(cur);
        cur = '';
      }
    }
    if (cur) pieces.push(cur);
  } else if (text) pieces.push(text);
  for (const piece of pieces) {
    const r = el(doc, 'r');
    const rPr = el(doc, 'rPr');
    rPr.appendChild(el(doc, 'rFonts', { hint: 'eastAsia' }));
    r.appendChild(rPr);
    // A tab inside the text becomes w:tab, as Word writes it.
    piece.split('\t').forEach((part, i) => {
      if (i > 0) r.appendChild(el(doc, 'tab'));
      if (part === '') return;
      const t = el(doc, 't');
      t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      t.appendChild(doc.createTextNode(part));
      r.appendChild(t);
    });
    p.appendChild(r);
  }
}

function paragraph(doc: Document, text: string, opts: BuildOptions): Element {
  const p = el(doc, 'p');
  runs(doc, p, text, opts);
  return p;
}

function table(doc: Document, t: BTable, opts: BuildOptions): Element {
  const cols = t.cols ?? Math.max(...t.rows.map((r) => r.reduce((n, c) => n + (c.span ?? 1), 0)));
  const tbl = el(doc, 'tbl');
  const tblPr = el(doc, 'tblPr');
  tblPr.appendChild(el(doc, 'tblW', { w: '5000', type: 'pct' }));
  const borders = el(doc, 'tblBorders');
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
    borders.appendChild(el(doc, side, { val: 'single', sz: '4', space: '0', color: '000000' }));
  tblPr.appendChild(borders);
  tbl.appendChild(tblPr);
  const grid = el(doc, 'tblGrid');
  for (let i = 0; i < cols; i++)
    grid.appendChild(el(doc, 'gridCol', { w: String(Math.floor(9000 / cols)) }));
  tbl.appendChild(grid);
  for (const row of t.rows) {
    const tr = el(doc, 'tr');
    for (const c of row) {
      const tc = el(doc, 'tc');
      const tcPr = el(doc, 'tcPr');
      tcPr.appendChild(
        el(doc, 'tcW', { w: String(Math.floor(9000 / cols) * (c.span ?? 1)), type: 'dxa' }),
      );
      if ((c.span ?? 1) > 1) tcPr.appendChild(el(doc, 'gridSpan', { val: String(c.span) }));
      if (c.vMerge === 'restart') tcPr.appendChild(el(doc, 'vMerge', { val: 'restart' }));
      if (c.vMerge === 'continue') tcPr.appendChild(el(doc, 'vMerge'));
      tc.appendChild(tcPr);
      const lines = c.vMerge === 'continue' ? [''] : c.text.split('\n');
      for (const line of lines) tc.appendChild(paragraph(doc, line, opts));
      tr.appendChild(tc);
    }
    tbl.appendChild(tr);
  }
  return tbl;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

/** The document.xml text for these blocks. */
export function documentXml(blocks: Block[], opts: BuildOptions = {}): string {
  const doc = new DOMImplementation().createDocument(W, 'w:document', null);
  const root = doc.documentElement!;
  const body = el(doc, 'body');
  root.appendChild(body);
  for (const b of blocks)
    body.appendChild('table' in b ? table(doc, b.table, opts) : paragraph(doc, b.paragraph, opts));
  // Word wants a paragraph after a table that ends the body, and a section.
  body.appendChild(el(doc, 'p'));
  const sect = el(doc, 'sectPr');
  sect.appendChild(el(doc, 'pgSz', { w: '11906', h: '16838' }));
  sect.appendChild(
    el(doc, 'pgMar', {
      top: '1440',
      right: '1200',
      bottom: '1440',
      left: '1200',
      header: '851',
      footer: '992',
      gutter: '0',
    }),
  );
  body.appendChild(sect);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** A complete .docx package (fixed timestamps, so the bytes are reproducible). */
export function buildDocx(blocks: Block[], opts: BuildOptions = {}): Uint8Array {
  const mtime = new Date('2023-03-24T00:00:00Z');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': strToU8(documentXml(blocks, opts)),
      'word/_rels/document.xml.rels': strToU8(DOC_RELS),
    },
    { mtime },
  );
}
