import { SEVERITY, worstOf } from '../../../engine/findings/severity';
import type { Finding } from '../../../engine/findings/types';
import {
  type FormFindings,
  RESULT_HEADER,
  RESULT_WIDTHS,
  resultRows,
} from '../../../engine/findings/resultRows';
import { Budget, CORRUPT, UnreadableFile } from '../zip';
import {
  addRel,
  attrsOf,
  EMPTY_RELS,
  ensureContentType,
  ensureDefault,
  Package,
  readRels,
  relativeTarget,
  relsOf,
  resolveTarget,
  xmlDecode,
  xmlEscape,
} from './package';
import {
  addLegacyDrawing,
  colName,
  colOf,
  relationshipPrefix,
  restyleCells,
  rowOf,
  sheetPrefix,
} from './sheet';
import { EMPTY_STYLES, Styles } from './styles';

/**
 * The annotated copy of an .xlsx, made by patching the input's package (issue 19 §5): the form's
 * cells get new style ids (styles.xml gets the fills), notes go into the sheet's comments part and
 * VML drawing (merged with any already there), and a 校验结果 sheet is added under a name no sheet
 * has. Every other part keeps its stored bytes; no value of the form's sheet changes.
 */

export const RESULT_SHEET = '校验结果';

const NOTE_AUTHOR = '自评表校验';
const NOTE_RULE = '—— 自评表校验 ——';

const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  styles: 'styles',
  comments: 'comments',
  vml: 'vmlDrawing',
};
const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};
const TRANSITIONAL = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
};
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

const isType = (type: string, what: string) => type.endsWith(`/${what}`);

interface SheetRef {
  name: string;
  part: string;
}

interface Book {
  part: string;
  xml: string;
  rels: string;
  relsPart: string;
  /** Relationship namespace the package uses (transitional or strict). */
  relNs: string;
  sheets: SheetRef[];
}

function readBook(pkg: Package): Book {
  const root = readRels(pkg.has('_rels/.rels') ? pkg.text('_rels/.rels') : '');
  const office = root.find((r) => isType(r.type, REL.officeDocument) && !r.external);
  const part = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  if (!pkg.has(part)) throw new UnreadableFile(CORRUPT);
  const relsPart = relsOf(part);
  const xml = pkg.text(part);
  const rels = pkg.has(relsPart) ? pkg.text(relsPart) : EMPTY_RELS;
  const byId = new Map(readRels(rels).map((r) => [r.id, r]));
  const relNs = office?.type.startsWith(STRICT_REL) ? STRICT_REL : TRANSITIONAL.rel;
  const sheets: SheetRef[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const rel = id ? byId.get(id) : undefined;
    if (!rel || !a.name) continue;
    sheets.push({ name: a.name, part: resolveTarget(part, rel.target) });
  }
  return { part, xml, rels, relsPart, relNs, sheets };
}

/** The note text of a cell's findings: each "【错误】…" on its line. */
function noteOf(list: Finding[]): string {
  return list.map((f) => `【${SEVERITY[f.severity].name}】${f.message}`).join('\n');
}

/** A free sheet name: 校验结果, else 校验结果（2）, … (Excel compares names case-insensitively). */
export function freeSheetName(taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(RESULT_SHEET)) return RESULT_SHEET;
  for (let n = 2; ; n++)
    if (!lower.has(`${RESULT_SHEET}（${n}）`)) return `${RESULT_SHEET}（${n}）`;
}

function preserve(text: string): string {
  return /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
}

/** The comments part with our notes merged in: appended to a cell's note, else a new note. */
function mergeComments(
  xml: string | null,
  notes: Map<string, string>,
  mainNs: string,
): { xml: string; fresh: string[] } {
  const fresh: string[] = [];
  if (xml === null) {
    const list = [...notes].map(([ref, text]) => {
      fresh.push(ref);
      // A run (not a bare <t>): Excel writes notes so, and readers such as exceljs expect it.
      return `<comment ref="${ref}" authorId="0"><text><r><rPr><sz val="9"/></rPr><t${preserve(text)}>${xmlEscape(text)}</t></r></text></comment>`;
    });
    return {
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${mainNs}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list.join('')}</commentList></comments>`,
      fresh,
    };
  }
  const p = /<((?:[\w.-]+:)?)comments\b/.exec(xml)?.[1] ?? '';
  const e = (s: string) => s.replace(/[.]/g, '\\.');
  // Our author, added once.
  const authors = [
    ...xml.matchAll(new RegExp(`<${e(p)}author\\b[^>]*>([\\s\\S]*?)</${e(p)}author\\s*>`, 'g')),
  ].map((m) => xmlDecode(m[1]));
  let author = authors.indexOf(NOTE_AUTHOR);
  if (author < 0) {
    author = authors.length;
    const close = new RegExp(`</${e(p)}authors\\s*>`).exec(xml);
    const self = new RegExp(`<${e(p)}authors\\b[^>]*/>`).exec(xml);
    const el = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (close) xml = xml.slice(0, close.index) + el + xml.slice(close.index);
    else if (self)
      xml =
        xml.slice(0, self.index) +
        `<${p}authors>${el}</${p}authors>` +
        xml.slice(self.index + self[0].length);
    else {
      const root = /<(?:[\w.-]+:)?comments\b[^>]*>/.exec(xml)!;
      xml =
        xml.slice(0, root.index + root[0].length) +
        `<${p}authors>${el}</${p}authors>` +
        xml.slice(root.index + root[0].length);
    }
  }
  const left = new Map(notes);
  xml = xml.replace(
    new RegExp(`<${e(p)}comment\\b[^>]*>[\\s\\S]*?</${e(p)}comment\\s*>`, 'g'),
    (c) => {
      const ref = (attrsOf(/^<[^>]*>/.exec(c)![0]).ref ?? '').toUpperCase();
      const text = left.get(ref);
      if (text === undefined) return c;
      left.delete(ref);
      const add = `\n${NOTE_RULE}\n${text}`;
      const run = `<${p}r><${p}t xml:space="preserve">${xmlEscape(add)}</${p}t></${p}r>`;
      const close = new RegExp(`</${e(p)}text\\s*>`).exec(c);
      return close ? c.slice(0, close.index) + run + c.slice(close.index) : c;
    },
  );
  const added = [...left].map(([ref, text]) => {
    fresh.push(ref);
    return `<${p}comment ref="${ref}" authorId="${author}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/></${p}rPr><${p}t${preserve(text)}>${xmlEscape(text)}</${p}t></${p}r></${p}text></${p}comment>`;
  });
  if (added.length) {
    const close = new RegExp(`</${e(p)}commentList\\s*>`).exec(xml);
    const self = new RegExp(`<${e(p)}commentList\\b[^>]*/>`).exec(xml);
    if (close) xml = xml.slice(0, close.index) + added.join('') + xml.slice(close.index);
    else if (self)
      xml =
        xml.slice(0, self.index) +
        `<${p}commentList>${added.join('')}</${p}commentList>` +
        xml.slice(self.index + self[0].length);
    else {
      const end = new RegExp(`</${e(p)}comments\\s*>`).exec(xml);
      if (!end) throw new UnreadableFile(CORRUPT);
      xml =
        xml.slice(0, end.index) +
        `<${p}commentList>${added.join('')}</${p}commentList>` +
        xml.slice(end.index);
    }
  }
  return { xml, fresh };
}

const VML_NS =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, ref: string): string {
  const row = rowOf(ref) - 1;
  const col = colOf(ref) - 1;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

/** The VML drawing with a note shape for each new note (shape ids in a block no other drawing uses). */
function mergeVml(pkg: Package, xml: string | null, refs: string[]): string {
  if (xml === null) {
    // Each drawing's shape ids come from its own blocks of 1024 (o:idmap): take a free one.
    const used = new Set<number>();
    for (const name of pkg.names())
      if (/\.vml$/i.test(name))
        for (const m of pkg.text(name).matchAll(/data\s*=\s*"([\d,\s]+)"/g))
          for (const n of m[1].split(',')) used.add(Number(n));
    let block = 1;
    while (used.has(block)) block++;
    const shapes = refs.map((r, i) => noteShape(block * 1024 + 1 + i, r)).join('');
    return `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`;
  }
  let top = 0;
  for (const m of xml.matchAll(/_x0000_s(\d+)/g)) top = Math.max(top, Number(m[1]));
  if (top === 0) {
    const data = /data\s*=\s*"(\d+)/.exec(xml);
    top = (data ? Number(data[1]) : 1) * 1024;
  }
  let add = refs.map((r, i) => noteShape(top + 1 + i, r)).join('');
  if (!/_x0000_t202/.test(xml)) add = SHAPETYPE + add;
  const root = /<xml\b[^>]*>/.exec(xml);
  if (root && !/xmlns:x\s*=/.test(root[0]))
    xml = xml.replace(
      root[0],
      root[0].replace(/>$/, ' xmlns:x="urn:schemas-microsoft-com:office:excel">'),
    );
  if (root && !/xmlns:o\s*=/.test(root[0]))
    xml = xml.replace(/<xml\b[^>]*>/, (r) =>
      r.replace(/>$/, ' xmlns:o="urn:schemas-microsoft-com:office:office">'),
    );
  if (root && !/xmlns:v\s*=/.test(root[0]))
    xml = xml.replace(/<xml\b[^>]*>/, (r) =>
      r.replace(/>$/, ' xmlns:v="urn:schemas-microsoft-com:vml">'),
    );
  const end = xml.lastIndexOf('</xml>');
  if (end < 0) throw new UnreadableFile(CORRUPT);
  return xml.slice(0, end) + add + xml.slice(end);
}

/** Marks one sheet: fills by each cell's worst severity, notes with every message. */
function markSheet(
  pkg: Package,
  book: Book,
  styles: Styles,
  sheet: SheetRef,
  findings: Finding[],
): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const cell = f.cells[0]?.replace(/\$/g, '').toUpperCase();
    if (!cell || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    byCell.set(cell, [...(byCell.get(cell) ?? []), f]);
  }
  if (byCell.size === 0) return;
  let xml = pkg.text(sheet.part);
  const filled = new Set(
    [...byCell].filter(([, list]) => worstOf(list) !== 'info').map(([c]) => c),
  );
  xml = restyleCells(xml, filled, (address, style) =>
    styles.withFill(style, `FF${SEVERITY[worstOf(byCell.get(address)!)].fill}`),
  );
  const notes = new Map([...byCell].map(([c, list]) => [c, noteOf(list)]));
  const relsPart = relsOf(sheet.part);
  let rels = pkg.has(relsPart) ? pkg.text(relsPart) : EMPTY_RELS;
  const sheetRels = readRels(rels);
  const commentsRel = sheetRels.find((r) => isType(r.type, REL.comments) && !r.external);
  const p = sheetPrefix(xml);
  const legacy = new RegExp(`<${p.replace('.', '\\.')}legacyDrawing\\b[^>]*>`).exec(xml);
  const legacyId = legacy
    ? Object.entries(attrsOf(legacy[0])).find(([k]) => /(^|:)id$/.test(k))?.[1]
    : undefined;
  const vmlRel = legacyId ? sheetRels.find((r) => r.id === legacyId) : undefined;
  const mainNs = /xmlns(?::[\w.-]+)?\s*=\s*"(http[^"]*\/main)"/.exec(xml)?.[1] ?? TRANSITIONAL.main;
  const relBase = book.relNs;

  const commentsPart = commentsRel
    ? resolveTarget(sheet.part, commentsRel.target)
    : pkg.freeName('xl/comments', '.xml');
  const merged = mergeComments(
    pkg.has(commentsPart) ? pkg.text(commentsPart) : null,
    notes,
    mainNs,
  );
  pkg.set(commentsPart, merged.xml);
  ensureContentType(pkg, commentsPart, TYPE.comments);
  if (!commentsRel)
    rels = addRel(rels, `${relBase}/${REL.comments}`, relativeTarget(sheet.part, commentsPart)).xml;

  const vmlPart = vmlRel
    ? resolveTarget(sheet.part, vmlRel.target)
    : pkg.freeName('xl/drawings/vmlDrawing', '.vml');
  if (merged.fresh.length || !vmlRel) {
    pkg.set(
      vmlPart,
      mergeVml(pkg, vmlRel && pkg.has(vmlPart) ? pkg.text(vmlPart) : null, merged.fresh),
    );
  }
  if (!vmlRel) {
    const added = addRel(rels, `${relBase}/${REL.vml}`, relativeTarget(sheet.part, vmlPart));
    rels = added.xml;
    const withNs = relationshipPrefix(xml, 'worksheet', relBase);
    // A <legacyDrawing> pointing elsewhere (broken) is replaced, never doubled.
    xml = legacy ? withNs.xml.replace(legacy[0], '') : withNs.xml;
    xml = addLegacyDrawing(xml, withNs.prefix, added.id);
  }
  ensureDefault(pkg, 'vml', TYPE.vml);
  if (/\.vml$/i.test(vmlPart)) {
    // A Default for .vml covers it.
  } else ensureContentType(pkg, vmlPart, TYPE.vml);
  pkg.set(relsPart, rels);
  pkg.set(sheet.part, xml);
}

function resultSheetXml(forms: FormFindings[], styles: Styles, mainNs: string): string {
  const bold = styles.bold();
  const link = styles.link();
  const rows: string[] = [];
  const links: string[] = [];
  const cell = (r: number, c: number, v: string, s?: number) =>
    v === '' && s === undefined
      ? ''
      : `<c r="${colName(c)}${r}" t="inlineStr"${s !== undefined ? ` s="${s}"` : ''}><is><t${preserve(v)}>${xmlEscape(v)}</t></is></c>`;
  rows.push(`<row r="1">${RESULT_HEADER.map((h, i) => cell(1, i + 1, h, bold)).join('')}</row>`);
  let r = 1;
  for (const { sheet, values } of resultRows(forms)) {
    r++;
    const at = values[2];
    if (at)
      links.push(
        `<hyperlink ref="C${r}" location="${xmlEscape(`'${sheet.replace(/'/g, "''")}'!${at}`)}" display="${xmlEscape(at)}"/>`,
      );
    rows.push(
      `<row r="${r}">${values.map((v, i) => cell(r, i + 1, v, i === 2 && at ? link : undefined)).join('')}</row>`,
    );
  }
  if (forms.every((f) => f.findings.length === 0))
    rows.push(`<row r="2">${cell(2, 5, '未发现问题。')}</row>`);
  const cols = RESULT_WIDTHS.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${mainNs}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>${links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : ''}</worksheet>`;
}

/** Adds the results sheet last (so no sheet index in defined names or views moves). */
function addResultSheet(pkg: Package, book: Book, styles: Styles, forms: FormFindings[]): string {
  // A copy checked again: its own earlier results sheet (our header, not a form) is rewritten in
  // place; a sheet of the user's that happens to have the name is never touched.
  const marked = new Set(forms.map((f) => f.sheet));
  // Our header's own words (its order and the 审核说明 column changed over versions).
  const ourHeader = (text: string) =>
    ['规则名称', '建议修正', '实填', '应为'].every((h) => text.includes(`<t>${h}</t>`));
  const ours = book.sheets.find(
    (s) =>
      /^校验结果(?:（\d+）)?$/.test(s.name) &&
      !marked.has(s.name) &&
      pkg.has(s.part) &&
      ourHeader(pkg.text(s.part)),
  );
  if (ours) {
    const mainNs =
      /xmlns(?::[\w.-]+)?\s*=\s*"(http[^"]*\/main)"/.exec(book.xml)?.[1] ?? TRANSITIONAL.main;
    pkg.set(ours.part, resultSheetXml(forms, styles, mainNs));
    return ours.name;
  }
  const name = freeSheetName(book.sheets.map((s) => s.name));
  const mainNs =
    /xmlns(?::[\w.-]+)?\s*=\s*"(http[^"]*\/main)"/.exec(book.xml)?.[1] ?? TRANSITIONAL.main;
  const part = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.set(part, resultSheetXml(forms, styles, mainNs));
  ensureContentType(pkg, part, TYPE.worksheet);
  const rel = addRel(book.rels, `${book.relNs}/${REL.worksheet}`, relativeTarget(book.part, part));
  pkg.set(book.relsPart, rel.xml);
  const { xml, prefix } = relationshipPrefix(book.xml, 'workbook', book.relNs);
  let top = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g))
    top = Math.max(top, Number(attrsOf(m[0]).sheetId ?? 0));
  const p = /<((?:[\w.-]+:)?)workbook\b/.exec(xml)?.[1] ?? '';
  const el = `<${p}sheet name="${xmlEscape(name)}" sheetId="${top + 1}" ${prefix}:id="${rel.id}"/>`;
  const close = new RegExp(`</${p.replace('.', '\\.')}sheets\\s*>`).exec(xml);
  if (!close) throw new UnreadableFile(CORRUPT);
  pkg.set(book.part, xml.slice(0, close.index) + el + xml.slice(close.index));
  return name;
}

export interface Annotated {
  bytes: Buffer;
  /** The results sheet's name (校验结果, or a free variant when the workbook has one). */
  resultSheet: string;
  /** Parts written anew; every other part is the input's, byte for byte. */
  changed: string[];
}

/**
 * The annotated copy of `input`: inflating at most `budget` bytes of its parts (the file's
 * unzipped-size limit), each form's findings marked on its sheet, and the results sheet.
 */
export function annotateXlsx(input: Uint8Array, forms: FormFindings[], budget: Budget): Annotated {
  const pkg = new Package(input, budget);
  const book = readBook(pkg);
  let relsXml = book.rels;
  let stylesRel = readRels(relsXml).find((r) => isType(r.type, REL.styles) && !r.external);
  let stylesPart = stylesRel ? resolveTarget(book.part, stylesRel.target) : null;
  if (!stylesPart || !pkg.has(stylesPart)) {
    stylesPart = pkg.freeName('xl/styles', '.xml').replace(/styles1\.xml$/, 'styles.xml');
    if (pkg.has(stylesPart)) stylesPart = pkg.freeName('xl/styles', '.xml');
    if (!stylesRel) {
      relsXml = addRel(
        relsXml,
        `${book.relNs}/${REL.styles}`,
        relativeTarget(book.part, stylesPart),
      ).xml;
      stylesRel = readRels(relsXml).find((r) => isType(r.type, REL.styles));
    }
    pkg.set(stylesPart, EMPTY_STYLES);
    ensureContentType(pkg, stylesPart, TYPE.styles);
  }
  book.rels = relsXml;
  const styles = new Styles(pkg.text(stylesPart));
  const bySheet = new Map<string, Finding[]>();
  for (const f of forms) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), ...f.findings]);
  for (const [name, findings] of bySheet) {
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet || !pkg.has(sheet.part)) throw new UnreadableFile(`工作表“${name}”不存在`);
    markSheet(pkg, book, styles, sheet, findings);
  }
  const resultSheet = addResultSheet(pkg, book, styles, forms);
  if (styles.changed) pkg.set(stylesPart, styles.toString());
  return {
    bytes: pkg.toBuffer(),
    resultSheet,
    changed: pkg.names().filter((n) => pkg.changed(n)),
  };
}
