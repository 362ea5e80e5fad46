import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../helpers/docx';

/**
 * Documents read as Word shows them (issue 19, item 3), each class written by hand the way Word
 * (or another producer) writes it. Every case here was misread before.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const NS = [
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
].join(' ');

function docx(body: string, strict = false): Uint8Array {
  const rel = strict
    ? 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'
    : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${strict ? W_STRICT : W}" ${NS}><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(xml),
  });
}
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const tbl = (...cells: string[]) =>
  `<w:tbl><w:tr>${cells.map((c) => `<w:tc>${p(run(c))}</w:tc>`).join('')}</w:tr></w:tbl>`;
const values = (body: string, strict = false) =>
  readDocx(docx(body, strict)).sheets.map((s) => s.values);

describe('tables where Word shows them', () => {
  test('a table in a VML text box', () => {
    const body = p(
      `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${tbl('项目', '得分')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`,
    );
    expect(values(body)).toEqual([[['项目', '得分']]]);
  });

  test('a table in a DrawingML text box inside mc:AlternateContent: read once, from one branch', () => {
    const box = `<w:txbxContent>${tbl('项目', '得分')}</w:txbxContent>`;
    const body = p(
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    );
    expect(values(body)).toEqual([[['项目', '得分']]]);
  });

  test('a form nested in a layout table is found as a table of its own', () => {
    const form = tbl('分值', '得分');
    const body = `<w:tbl><w:tr><w:tc>${p(run('附件'))}${form}</w:tc></w:tr></w:tbl>`;
    expect(values(body)).toEqual([[['附件']], [['分值', '得分']]]);
  });

  test('a strict (ISO 29500) document has its body and tables', () => {
    const d = readDocx(docx(tbl('项目', '得分') + p(run('说明')), true));
    expect(d.sheets.map((s) => s.values)).toEqual([[['项目', '得分']]]);
    expect(d.paragraphs).toEqual([{ index: 1, text: '说明' }]);
  });
});

describe('text as Word shows it', () => {
  const text = (inner: string) => readDocx(docx(p(inner))).paragraphs.map((x) => x.text);

  test.each([
    ['a Wingdings check mark', 'Wingdings', 'F0FC', '✓'],
    ['a Symbol-font ≥', 'Symbol', 'F0B3', '≥'],
    ['a plain code point', 'SimSun', '2611', '☑'],
    ['an invalid code point', 'Symbol', 'ZZZZ', '\uFFFD'],
    ['a control character', 'Symbol', 'F001', '\uFFFD'],
    ['beyond Unicode', 'Symbol', '110000', '\uFFFD'],
  ])('w:sym: %s', (_what, font, code, want) => {
    expect(text(`${run('是')}<w:r><w:sym w:font="${font}" w:char="${code}"/></w:r>`)).toEqual([
      `是${want}`,
    ]);
  });

  test('content controls (w:sdt) show their content, not their properties', () => {
    expect(
      text(
        `<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>${run('岳麓区')}</w:sdtContent></w:sdt>`,
      ),
    ).toEqual(['岳麓区']);
  });

  test('fields show their result, not their instruction', () => {
    expect(
      text(
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('299.59')}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE ">${run('3')}</w:fldSimple>`,
      ),
    ).toEqual(['299.593']);
  });

  test('tracked changes: insertions kept, deletions dropped (runs, paragraphs and rows)', () => {
    expect(
      text(
        `${run('执行数')}<w:ins>${run('299.59')}</w:ins><w:del><w:r><w:delText>254.85</w:delText></w:r></w:del>`,
      ),
    ).toEqual(['执行数299.59']);
    const rows =
      `<w:tbl><w:tr><w:tc>${p(run('留'))}</w:tc></w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc>${p(run('删'))}</w:tc></w:tr>` +
      `<w:ins><w:tr><w:tc>${p(run('加'))}</w:tc></w:tr></w:ins></w:tbl>`;
    expect(values(rows)).toEqual([[['留'], ['加']]]);
  });
});
