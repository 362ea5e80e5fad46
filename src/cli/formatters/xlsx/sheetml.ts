/**
 * A small SpreadsheetML writer (ECMA-376, the parts Excel and LibreOffice need): sheets of text
 * and number cells, a bold frozen header, an autofilter, column widths, and external hyperlinks.
 * Strings are written inline (t="inlineStr"): never a formula, so a cell cannot run anything.
 * Zipped by the copies' zip writer (Node's zlib): exceljs stays off the CLI's path (it is loaded
 * only for annotated copies).
 */
import { displayWidth } from '../width';
import { freshEntry, type OutEntry, zipOf } from '../../../adapters/xlsx/zipWrite';

export type CellValue = string | number | null;

export interface SheetSpec {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** Per column: a number format id for number cells (2 = "0.00"), or none. */
  numberFormats?: (2 | null)[];
  /** Per column: long text wrapped within the column (it would run over the cells beside it). */
  wrap?: boolean[];
  /** Hyperlinks: a row index (0-based, in rows), a column, and the target (a relative path). */
  links?: { row: number; col: number; target: string }[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as XML: escaped, and the control characters XML 1.0 cannot hold dropped. */
export function xmlText(s: string): string {
  // Most cells need nothing: one test instead of five replacements (15,000 findings' rows).
  if (!SPECIAL.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Styles: 0 plain, 1 header (bold, grey fill, border), 2 number "0.00", 3 link (blue, underlined),
// 4 text wrapped at the top.
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}">
<fonts count="3"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font><font><u/><color rgb="FF0563C1"/><sz val="11"/><name val="等线"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cell(ref: string, v: CellValue, style: number): string {
  if (v === null || v === '') return style ? `<c r="${ref}" s="${style}"/>` : '';
  const s = style ? ` s="${style}"` : '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

/** Column widths that fit the text (CJK counts two), between 6 and 60 characters. */
function widths(spec: SheetSpec): number[] {
  return spec.header.map((h, i) => {
    let w = displayWidth(h);
    for (const row of spec.rows) {
      const v = row[i];
      if (v !== null && v !== undefined) w = Math.max(w, displayWidth(String(v)));
      if (w >= 60) break;
    }
    return Math.min(60, Math.max(6, w + 2));
  });
}

function sheetXml(spec: SheetSpec): string {
  const cols = spec.header.length;
  const last = `${columnName(cols - 1)}${spec.rows.length + 1}`;
  const parts: string[] = [
    `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`,
    // Printed (or made a PDF) landscape, all columns on one page wide.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${last}"/>`,
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${widths(spec)
      .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
      .join('')}</cols>`,
    '<sheetData>',
    `<row r="1">${spec.header.map((h, i) => cell(`${columnName(i)}1`, h, 1)).join('')}</row>`,
  ];
  // Per column once: its letter and the style its numbers or its text take (330,000 cells for
  // 3,000 forms' findings: a string key or a letter per cell was most of this sheet's time).
  const letters = spec.header.map((_, c) => columnName(c));
  const numberStyle = letters.map((_, c) => (spec.numberFormats?.[c] === 2 ? 2 : 0));
  const textStyle = letters.map((_, c) => (spec.wrap?.[c] ? 4 : 0));
  const linked = new Set((spec.links ?? []).map((l) => l.row * cols + l.col));
  spec.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = '';
    for (let c = 0; c < cols; c++) {
      const v = row[c] ?? null;
      const style = linked.has(r * cols + c)
        ? 3
        : typeof v === 'number'
          ? numberStyle[c]
          : typeof v === 'string'
            ? textStyle[c]
            : 0;
      cells += cell(letters[c] + n, v, style);
    }
    parts.push(`<row r="${n}">${cells}</row>`);
  });
  parts.push('</sheetData>', `<autoFilter ref="A1:${last}"/>`);
  if (spec.links?.length)
    parts.push(
      `<hyperlinks>${spec.links
        .map((l, k) => `<hyperlink ref="${columnName(l.col)}${l.row + 2}" r:id="rId${k + 1}"/>`)
        .join('')}</hyperlinks>`,
    );
  parts.push(
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    '</worksheet>',
  );
  return parts.join('');
}

function linkRels(spec: SheetSpec): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${(
    spec.links ?? []
  )
    .map(
      (l, k) =>
        `<Relationship Id="rId${k + 1}" Type="${REL_NS}/hyperlink" Target="${xmlText(l.target)}" TargetMode="External"/>`,
    )
    .join('')}</Relationships>`;
}

/** The workbook's parts, zipped: an .xlsx file's bytes. */
export function writeWorkbook(sheets: SheetSpec[]): Uint8Array {
  const files: OutEntry[] = [];
  const put = (name: string, text: string) => files.push(freshEntry(name, text));
  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`,
  );
  put(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets><definedNames>${sheets
      .map(
        (s, i) =>
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(s.name)}'!$A$1:$${columnName(s.header.length - 1)}$${s.rows.length + 1}</definedName>`,
      )
      .join('')}</definedNames></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => {
    files.push(freshEntry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s), 3));
    if (s.links?.length) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, linkRels(s));
  });
  // Node's own deflate (zlib, native): fflate's, in JavaScript, was most of this workbook's time.
  return zipOf(files);
}
