/**
 * The annotated copy of a .docx: flagged table cells shaded (red for errors, yellow for warnings)
 * with a Word comment carrying the messages, and the narrative sentences in question highlighted
 * with a comment. Everything else of the package is kept byte for byte; the input is never written.
 */
import { SEVERITY } from '../../engine/findings/severity';
import * as path from 'path';
import { strFromU8, strToU8, zipSync, type Unzipped, type Zippable } from 'fflate';
import type { Finding, Severity } from '../../engine/findings/types';
import { parseA1 } from '../../engine/grid/address';
import { openUnzipped, type DocxDocument } from './document';
import { paragraphPieces } from './text';
import {
  child,
  CT_NS,
  elementChildren,
  isEl,
  parseXml,
  REL_NS,
  serializeXml,
  W,
  wAttr,
  type Document,
  type Element,
} from './xml';

export type MarkSeverity = Exclude<Severity, 'info'>;

/** Shading per severity: the same "bad" red and "neutral" yellow as the annotated workbook. */
export const CELL_FILL: Record<MarkSeverity, string> = {
  error: SEVERITY.error.fill as string,
  warning: SEVERITY.warning.fill as string,
};
/** Highlight colours for sentences (Word's fixed highlight palette). */
export const TEXT_HIGHLIGHT: Record<MarkSeverity, string> = { error: 'red', warning: 'yellow' };

/** A finding to mark on a table cell: 表N (1-based) and an A1 address in its grid. */
export interface CellMark {
  table: number;
  cell: string;
  severity: Severity;
  message: string;
}

/** A finding to mark in the narrative: paragraph number (as readDocx numbers them) and a span of its text. */
export interface ParagraphMark {
  paragraph: number;
  /** Offsets in the paragraph's text; the whole paragraph when absent. */
  span?: { start: number; end: number };
  severity: Severity;
  message: string;
}

export interface DocxMarks {
  cells: CellMark[];
  paragraphs: ParagraphMark[];
}

const COMMENTS_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const AUTHOR = '自评表校验';

function worst(list: { severity: Severity }[]): Severity {
  return list.reduce<Severity>(
    (w, m) => (SEVERITY[m.severity].rank < SEVERITY[w].rank ? m.severity : w),
    'info',
  );
}

function w(doc: Document, name: string, attrs: Record<string, string> = {}): Element {
  const e = doc.createElementNS(W, `w:${name}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `w:${k}`, v);
  return e;
}

/** Inserts `el` into `parent` before the first child named in `before` (schema order), else at the end. */
function insertOrdered(parent: Element, el: Element, before: string[]): void {
  const next = elementChildren(parent).find(
    (c) => c.namespaceURI === W && before.includes(c.localName ?? ''),
  );
  parent.insertBefore(el, next ?? null);
}

function firstChildProps(parent: Element, name: string): Element {
  let props = child(parent, name);
  if (!props) {
    props = w(parent.ownerDocument!, name);
    parent.insertBefore(props, parent.firstChild);
  }
  return props;
}

const TCPR_AFTER_SHD = [
  'noWrap',
  'tcMar',
  'textDirection',
  'tcFitText',
  'vAlign',
  'hideMark',
  'headers',
  'cellIns',
  'cellDel',
  'cellMerge',
  'tcPrChange',
];
const RPR_AFTER_HIGHLIGHT = [
  'u',
  'effect',
  'bdr',
  'shd',
  'fitText',
  'vertAlign',
  'rtl',
  'cs',
  'em',
  'lang',
  'eastAsianLayout',
  'specVanish',
  'oMath',
  'rPrChange',
];

class Comments {
  readonly doc: Document;
  private next: number;
  constructor(existing: string | null, main: Document) {
    this.doc = existing
      ? parseXml(existing, 'word/comments.xml')
      : parseXml(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"/>`,
          'word/comments.xml',
        );
    let max = -1;
    const ids = [
      ...Array.from(this.doc.getElementsByTagNameNS(W, 'comment')),
      ...Array.from(main.getElementsByTagNameNS(W, 'commentRangeStart')),
      ...Array.from(main.getElementsByTagNameNS(W, 'commentReference')),
    ];
    for (const el of ids) max = Math.max(max, Number(wAttr(el, 'id') ?? -1) || 0);
    this.next = max + 1;
  }

  /** A new comment with one paragraph per line; its id. */
  add(lines: string[]): string {
    const id = String(this.next++);
    const c = w(this.doc, 'comment', { id, author: AUTHOR, initials: 'ZP' });
    for (const line of lines) {
      const p = w(this.doc, 'p');
      const r = w(this.doc, 'r');
      const t = w(this.doc, 't');
      t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      t.appendChild(this.doc.createTextNode(line));
      r.appendChild(t);
      p.appendChild(r);
      c.appendChild(p);
    }
    this.doc.documentElement!.appendChild(c);
    return id;
  }
}

function referenceRun(doc: Document, id: string): Element {
  const r = w(doc, 'r');
  r.appendChild(w(doc, 'commentReference', { id }));
  return r;
}

/** Shades a cell and anchors a comment on its first paragraph. */
function markCell(tc: Element, severity: Severity, commentId: string): void {
  const doc = tc.ownerDocument!;
  if (severity !== 'info') {
    const tcPr = firstChildProps(tc, 'tcPr');
    for (const old of elementChildren(tcPr).filter((c) => isEl(c, 'shd'))) tcPr.removeChild(old);
    insertOrdered(
      tcPr,
      w(doc, 'shd', { val: 'clear', color: 'auto', fill: CELL_FILL[severity] }),
      TCPR_AFTER_SHD,
    );
  }
  let p = elementChildren(tc).find((c) => isEl(c, 'p'));
  if (!p) {
    p = w(doc, 'p');
    tc.appendChild(p);
  }
  const pPr = child(p, 'pPr');
  p.insertBefore(
    w(doc, 'commentRangeStart', { id: commentId }),
    pPr ? pPr.nextSibling : p.firstChild,
  );
  p.appendChild(w(doc, 'commentRangeEnd', { id: commentId }));
  p.appendChild(referenceRun(doc, commentId));
}

/** Pieces of a paragraph with their offsets. */
function located(p: Element) {
  let at = 0;
  return paragraphPieces(p).map((piece) => {
    const start = at;
    at += piece.text.length;
    return { ...piece, start, end: at };
  });
}

/** Splits a run so that a new run starts at `offset` (paragraph text offset), when it falls inside it. */
function splitAt(p: Element, offset: number): void {
  const pieces = located(p);
  const inside = pieces.find((x) => x.start < offset && offset < x.end);
  const at = inside ?? pieces.find((x) => x.start === offset);
  if (!at || !at.run) return;
  const run = at.run;
  const mine = pieces.filter((x) => x.run === run);
  if (mine[0].start === offset) return;
  const doc = p.ownerDocument!;
  const second = run.cloneNode(false) as Element;
  const rPr = child(run, 'rPr');
  if (rPr) second.appendChild(rPr.cloneNode(true));
  const lengthOf = new Map(mine.map((x) => [x.node, x] as const));
  let moving = false;
  for (const c of elementChildren(run)) {
    if (isEl(c, 'rPr')) continue;
    const piece = lengthOf.get(c);
    if (!moving && piece && piece.start < offset && offset < piece.end && isEl(c, 't')) {
      const text = c.textContent ?? '';
      const k = offset - piece.start;
      const rest = w(doc, 't');
      rest.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      rest.appendChild(doc.createTextNode(text.slice(k)));
      while (c.firstChild) c.removeChild(c.firstChild);
      c.appendChild(doc.createTextNode(text.slice(0, k)));
      c.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      second.appendChild(rest);
      moving = true;
      continue;
    }
    if (!moving && piece && piece.start >= offset) moving = true;
    if (moving) second.appendChild(c);
  }
  run.parentNode!.insertBefore(second, run.nextSibling);
}

/** Highlights [start, end) of a paragraph and anchors a comment on it. */
function markSpan(
  p: Element,
  start: number,
  end: number,
  severity: Severity,
  commentId: string,
): void {
  const doc = p.ownerDocument!;
  splitAt(p, start);
  splitAt(p, end);
  const runs: Element[] = [];
  for (const x of located(p))
    if (x.run && x.start >= start && x.end <= end && x.end > x.start && !runs.includes(x.run))
      runs.push(x.run);
  if (!runs.length) {
    // Nothing to highlight (an empty span): anchor the comment at the paragraph's end.
    p.appendChild(referenceRun(doc, commentId));
    return;
  }
  if (severity !== 'info') {
    for (const r of runs) {
      const rPr = firstChildProps(r, 'rPr');
      for (const old of elementChildren(rPr).filter((c) => isEl(c, 'highlight')))
        rPr.removeChild(old);
      insertOrdered(
        rPr,
        w(doc, 'highlight', { val: TEXT_HIGHLIGHT[severity] }),
        RPR_AFTER_HIGHLIGHT,
      );
    }
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  first.parentNode!.insertBefore(w(doc, 'commentRangeStart', { id: commentId }), first);
  const endMark = w(doc, 'commentRangeEnd', { id: commentId });
  last.parentNode!.insertBefore(endMark, last.nextSibling);
  last.parentNode!.insertBefore(referenceRun(doc, commentId), endMark.nextSibling);
}

function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** Makes sure the package has a comments part related to the main part and typed in [Content_Types].xml. */
function commentsPart(d: DocxDocument): {
  partPath: string;
  existing: string | null;
  extra: Record<string, string>;
} {
  const extra: Record<string, string> = {};
  const relsPath = relsPathOf(d.mainPart);
  const rels = d.files[relsPath]
    ? parseXml(strFromU8(d.files[relsPath]), relsPath)
    : parseXml(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"/>`,
        relsPath,
      );
  const relList = Array.from(rels.getElementsByTagNameNS(REL_NS, 'Relationship'));
  const dir = path.posix.dirname(d.mainPart);
  const found = relList.find((r) => r.getAttribute('Type') === COMMENTS_TYPE);
  let partPath: string;
  if (found) {
    const target = found.getAttribute('Target') ?? 'comments.xml';
    partPath = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`${dir}/${target}`);
  } else {
    partPath = path.posix.normalize(`${dir}/comments.xml`);
    const ids = new Set(relList.map((r) => r.getAttribute('Id')));
    let n = relList.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const rel = rels.createElementNS(REL_NS, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', COMMENTS_TYPE);
    rel.setAttribute('Target', path.posix.relative(dir, partPath));
    rels.documentElement!.appendChild(rel);
    extra[relsPath] = serializeXml(rels);
  }
  const ctPath = '[Content_Types].xml';
  const ct = parseXml(strFromU8(d.files[ctPath]), ctPath);
  const overrides = Array.from(ct.getElementsByTagNameNS(CT_NS, 'Override'));
  if (!overrides.some((o) => (o.getAttribute('PartName') ?? '').replace(/^\//, '') === partPath)) {
    const o = ct.createElementNS(CT_NS, 'Override');
    o.setAttribute('PartName', `/${partPath}`);
    o.setAttribute('ContentType', COMMENTS_CT);
    ct.documentElement!.appendChild(o);
    extra[ctPath] = serializeXml(ct);
  }
  return { partPath, existing: d.files[partPath] ? strFromU8(d.files[partPath]) : null, extra };
}

const line = (m: { severity: Severity; message: string }) =>
  `【${SEVERITY[m.severity].name}】${m.message}`;

/**
 * The annotated package's bytes, from a package already unzipped (under the one zip reader's
 * limits). Marks that point nowhere (no such table, cell or paragraph) are skipped.
 */
export function annotateUnzipped(files: Unzipped, marks: DocxMarks): Uint8Array {
  const d = openUnzipped(files);
  const part = commentsPart(d);
  const comments = new Comments(part.existing, d.doc);
  // One comment per cell, with every message on it.
  const byCell = new Map<string, CellMark[]>();
  for (const m of marks.cells) {
    const key = `${m.table}!${m.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), m]);
  }
  for (const list of byCell.values()) {
    const table = d.tables[list[0].table - 1];
    const ref = parseA1(list[0].cell);
    if (!table || !ref) continue;
    // An address inside a merged area marks the area's cell.
    const merge = table.sheet.merges.find(
      (m) => m.top <= ref.row && ref.row <= m.bottom && m.left <= ref.col && ref.col <= m.right,
    );
    const placed = table.cells.get(merge ? `${merge.top},${merge.left}` : `${ref.row},${ref.col}`);
    if (!placed) continue;
    markCell(placed.tc, worst(list), comments.add(list.map(line)));
  }
  const bySpan = new Map<string, ParagraphMark[]>();
  for (const m of marks.paragraphs) {
    const key = `${m.paragraph}:${m.span?.start ?? 0}:${m.span?.end ?? -1}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), m]);
  }
  for (const list of bySpan.values()) {
    const para = d.paragraphs.find((p) => p.index === list[0].paragraph);
    if (!para) continue;
    const span = list[0].span ?? { start: 0, end: para.text.length };
    markSpan(
      para.el,
      Math.max(0, span.start),
      Math.min(para.text.length, span.end),
      worst(list),
      comments.add(list.map(line)),
    );
  }
  const out: Zippable = {};
  for (const [name, data] of Object.entries(d.files)) out[name] = data;
  out[d.mainPart] = strToU8(serializeXml(d.doc));
  out[part.partPath] = strToU8(serializeXml(comments.doc));
  for (const [name, text] of Object.entries(part.extra)) out[name] = strToU8(text);
  return zipSync(out);
}

/** A form's findings as cell marks, for a form read from table 表N of the document (not the 表N sheets: nothing). */
export function cellMarks(sheet: string | null, findings: Finding[]): CellMark[] {
  const n = sheet ? /^表(\d+)$/.exec(sheet) : null;
  if (!n) return [];
  return findings
    .filter((f) => f.cells[0] && f.severity !== 'info')
    .map((f) => ({
      table: Number(n[1]),
      cell: f.cells[0],
      severity: f.severity,
      message: f.message,
    }));
}

/** Narrative findings (report.*) as paragraph marks. */
export function paragraphMarks(
  findings: (Finding & { paragraph?: number; span?: { start: number; end: number } })[],
): ParagraphMark[] {
  return findings
    .filter((f) => typeof f.paragraph === 'number')
    .map((f) => ({
      paragraph: f.paragraph!,
      span: f.span,
      severity: f.severity,
      message: f.message,
    }));
}
