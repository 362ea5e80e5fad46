import { readFileSync } from 'fs';
import * as path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { translateFormula } from '../../src/adapters/xlsx/formula';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkWorkbook } from '../../src/engine/check';
import type { GridSnapshot } from '../../src/engine/grid/types';
import { zip, type ZipPart } from '../helpers/zip';

/**
 * Workbooks read the way Excel reads them (issue 19, items 1 and 2), each class built by hand as
 * zip bytes the way another producer writes it. Every case here was misread before.
 */

const OPTIONS = { maxUnzippedBytes: 1 << 26, unzippedSentence: () => '过大' };
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

interface Book {
  sheet: string;
  /** The sheet part's name (and the workbook's target for it). */
  part?: string;
  target?: string;
  styles?: string;
  strings?: string;
  prefix?: string;
  strict?: boolean;
}

function book(b: Book): Buffer {
  const main = b.strict ? STRICT_MAIN : MAIN;
  const rel = b.strict ? STRICT_REL : REL;
  const x = b.prefix ? `${b.prefix}:` : '';
  const ns = b.prefix ? `xmlns:${b.prefix}="${main}"` : `xmlns="${main}"`;
  const part = b.part ?? 'xl/worksheets/sheet1.xml';
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><${x}workbook ${ns} xmlns:r="${rel}"><${x}sheets><${x}sheet name="表1" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="${b.target ?? part.replace(/^xl\//, '')}"/>${b.styles ? `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` : ''}${b.strings ? `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
    {
      name: part,
      data: `<?xml version="1.0"?><${x}worksheet ${ns}><${x}sheetData>${b.sheet}</${x}sheetData></${x}worksheet>`,
    },
  ];
  if (b.styles)
    parts.push({
      name: 'xl/styles.xml',
      data: `<?xml version="1.0"?><styleSheet xmlns="${main}">${b.styles}</styleSheet>`,
    });
  if (b.strings)
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><sst xmlns="${main}">${b.strings}</sst>`,
    });
  return zip(parts);
}

const read = (bytes: Buffer): GridSnapshot[] => readXlsx(bytes, 't.xlsx', OPTIONS);
/** The cell at an A1 address of the first sheet: [value, formula]. */
function at(sheets: GridSnapshot[], a1: string): [unknown, unknown] {
  const s = sheets[0];
  const col = a1.charCodeAt(0) - 65 - s.originCol;
  const row = Number(a1.slice(1)) - 1 - s.originRow;
  return [s.values[row]?.[col] ?? null, s.formulas?.[row]?.[col] ?? null];
}

describe('formula cells: the cached result is the value', () => {
  const sheet =
    '<row r="1"><c r="A1"><f>B1*0</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>' +
    '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>A1+1</f></c><c r="E1" t="str"><f>"a"</f><v>_x0041_b</v></c></row>';

  test.each([
    ['a cached 0', 'A1', [0, '=B1*0']],
    ['a cached FALSE', 'B1', [false, '=1=2']],
    ['a cached empty string', 'C1', ['', '=""']],
    ['no cached result: not computed (null), the formula kept', 'D1', [null, '=A1+1']],
    ['_xHHHH_ in a formula string result', 'E1', ['Ab', '="a"']],
  ])('%s (lean reader)', (_what, cell, want) => {
    expect(at(read(book({ sheet })), cell)).toEqual(want);
  });

  test('the exceljs reader agrees on 0 and FALSE, and on "not computed"', async () => {
    const sheets = (await loadWorkbook(book({ sheet }), 't.xlsx')).sheets;
    expect(at(sheets, 'A1')).toEqual([0, '=B1*0']);
    expect(at(sheets, 'B1')).toEqual([false, '=1=2']);
    expect(at(sheets, 'D1')).toEqual([null, '=A1+1']);
  });
});

describe('parts and names as other producers write them', () => {
  const sheet = '<row r="1"><c r="A1"><v>7</v></c></row>';
  test.each<[string, Book]>([
    [
      'a sheet part named sheet.xml in another folder',
      { sheet, part: 'xl/data/sheet.xml', target: 'data/sheet.xml' },
    ],
    [
      'Sheet1.xml, reached by an absolute target',
      { sheet, part: 'xl/worksheets/Sheet1.xml', target: '/xl/worksheets/Sheet1.xml' },
    ],
    [
      'a target with backslashes',
      { sheet, part: 'xl/worksheets/sheet1.xml', target: 'worksheets\\sheet1.xml' },
    ],
    [
      'a namespace prefix (<x:workbook>, the Open XML SDK)',
      { sheet: '<x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row>', prefix: 'x' },
    ],
    ['strict OOXML (purl.oclc.org)', { sheet, strict: true }],
  ])('%s', (_what, b) => {
    expect(at(read(book(b)), 'A1')).toEqual([7, null]);
  });

  test('.xlsm is read like .xlsx', () => {
    expect(at(readXlsx(book({ sheet }), 'macro.xlsm', OPTIONS), 'A1')).toEqual([7, null]);
  });
});

describe('cells as Excel shows them', () => {
  test('t="d" ISO dates are dates, not numbers', () => {
    const s = read(
      book({ sheet: '<row r="1"><c r="A1" t="d"><v>2023-12-31T00:00:00Z</v></c></row>' }),
    );
    expect(at(s, 'A1')).toEqual(['2023-12-31', null]);
  });

  test('shared formulas: each follower gets its own translated formula', () => {
    const s = read(
      book({
        sheet:
          '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2*$B$1+SUM(A$1:A2)</f><v>1</v></c></row>' +
          '<row r="3"><c r="C3"><f t="shared" si="0"/><v>2</v></c></row>' +
          '<row r="4"><c r="D4"><f t="shared" si="0"/><v>3</v></c></row>',
      }),
    );
    expect(at(s, 'C3')).toEqual([2, '=A3*$B$1+SUM(A$1:A3)']);
    expect(at(s, 'D4')).toEqual([3, '=B4*$B$1+SUM(B$1:B4)']);
  });

  test.each([
    [27, 'yyyy"年"m"月"'],
    [31, 'yyyy"年"m"月"d"日"'],
    [32, 'h"时"mm"分"'],
    [57, 'yyyy"年"m"月"'],
    [58, 'm"月"d"日"'],
  ])('built-in CJK number format %i is %s, and its serial reads as a date', (id, fmt) => {
    const s = read(
      book({
        sheet: '<row r="1"><c r="A1" s="1"><v>45291</v></c></row>',
        styles: `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}"/></cellXfs>`,
      }),
    );
    expect(s[0].numberFormats?.[0][0]).toBe(fmt);
    expect(at(s, 'A1')).toEqual(['2023-12-31', null]);
  });

  test('cells without r= follow the previous cell, an empty one included', () => {
    const s = read(
      book({
        sheet:
          '<row r="1"><c r="A1"><v>1</v></c><c/><c><v>3</v></c></row><row><c><v>4</v></c></row>',
      }),
    );
    expect(at(s, 'C1')).toEqual([3, null]);
    expect(at(s, 'A2')).toEqual([4, null]);
  });

  test('_xHHHH_ unescaped in shared and inline strings and sheet names; _x005F_ escapes itself', () => {
    const s = read(
      book({
        sheet:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>行_x000A_二</t></is></c></row>',
        strings: '<si><t>合_x0020_计_x005F_x0041_</t></si>',
      }),
    );
    expect(at(s, 'A1')).toEqual(['合 计_x0041_', null]);
    expect(at(s, 'B1')).toEqual(['行\n二', null]);
  });
});

describe('shared formula translation', () => {
  test.each([
    ['A1+B$2+$C3', 1, 1, 'B2+C$2+$C4'],
    ['SUM(A:A)+SUM(1:1)', 2, 1, 'SUM(B:B)+SUM(3:3)'],
    ["Sheet2!A1+'My Sheet'!B2", 1, 0, "Sheet2!A2+'My Sheet'!B3"],
    ['"A1"&LOG10(A1)', 1, 0, '"A1"&LOG10(A2)'],
    ['A1', -1, 0, '#REF!'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(translateFormula(f, dr, dc)).toBe(want);
  });
});

describe('the seed form with a score =G21*0 showing 0', () => {
  const seed = readFileSync(path.join(__dirname, '../fixtures/yuelu-2022.xlsx'));
  /** The seed form with H21 (得分 8) rewritten as the given cell XML. */
  function withH21(cell: string): Buffer {
    const files = unzipSync(seed);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const next = sheet.replace('<c r="H21" s="2"><v>8</v></c>', cell);
    expect(next).not.toBe(sheet);
    files['xl/worksheets/sheet1.xml'] = strToU8(next);
    return Buffer.from(zipSync(files));
  }
  const findings = (bytes: Buffer) =>
    checkWorkbook(read(bytes)).flatMap((r) =>
      r.findings.map((f) => `${f.rule} ${f.cells.join(',')}`),
    );

  test('a cached 0 reads as the constant 0 would: the same findings, no "得分未填写"', () => {
    const asFormula = findings(withH21('<c r="H21" s="2"><f>G21*0</f><v>0</v></c>'));
    expect(asFormula).toEqual(findings(withH21('<c r="H21" s="2"><v>0</v></c>')));
    expect(asFormula.filter((f) => f.startsWith('indicator.score-blank'))).toEqual([]);
    expect(asFormula.filter((f) => f.includes('H21') || f.includes('I21')).length).toBeGreaterThan(
      0,
    );
  });

  test('a formula without a result is "not computed", never 得分未填写', () => {
    const f = findings(withH21('<c r="H21" s="2"><f>G21*0</f></c>'));
    expect(f).toContain('form.formula-not-computed H21');
    expect(f.filter((x) => x.startsWith('indicator.score-blank'))).toEqual([]);
  });
});
