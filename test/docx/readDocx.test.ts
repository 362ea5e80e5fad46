import { readFileSync } from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { UnreadableDocx } from '../../src/adapters/docx/document';
import { readDocx } from '../helpers/docx';
import { cellLabels } from '../../src/adapters/docx/cellLabels';

const FIX = path.join(__dirname, '../fixtures/docx');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A package around a hand-written body (test input only). */
function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(xml),
  });
}
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;

describe('readDocx: the seed as a Word document', () => {
  const d = readDocx(readFileSync(path.join(FIX, 'yuelu-2022.docx')));
  const sheet = d.sheets[0];

  test('one table, 表1, 34 rows by 9 columns, the merges of the seed form', () => {
    expect(d.sheets.map((s) => s.sheetName)).toEqual(['表1']);
    expect(sheet.values).toHaveLength(34);
    expect(sheet.values.every((r) => r.length === 9)).toBe(true);
    const a1 = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${String.fromCharCode(65 + m.left)}${m.top + 1}:${String.fromCharCode(65 + m.right)}${m.bottom + 1}`;
    expect(sheet.merges.map(a1).sort()).toEqual(
      [
        'A1:I1',
        'B2:I2',
        'B3:C3',
        'E3:I3',
        'B4:C4',
        'A4:A12',
        'B5:B7',
        'B8:B12',
        'B13:E13',
        'F13:I13',
        'A13:A14',
        'B14:E14',
        'F14:I14',
        'A15:A33',
        'B16:B26',
        'C16:C19',
        'C20:C22',
        'C23:C24',
        'C25:C26',
        'B27:B31',
        'C30:C31',
        'B32:B33',
        'C32:C33',
        'A34:F34',
      ].sort(),
    );
  });

  test('text as displayed: paragraphs joined with line breaks, full-width spaces kept, blanks null', () => {
    expect(sheet.values[3][0]).toBe('整体资金\n\n（万元）');
    expect(sheet.values[11][3]).toBe('44.74　');
    expect(sheet.values[5][5]).toBe('100%');
    expect(sheet.values[4][3]).toBe('　');
    expect(sheet.values[6][3]).toBeNull();
    expect(sheet.values[33][6]).toBe('100');
    expect(sheet.values[4][1]).toBe('资金\n\n来源');
    expect(sheet.values[5][1]).toBeNull(); // inside the vMerge B5:B7
  });

  test('the paragraphs outside the table, numbered from 1', () => {
    expect(d.paragraphs[0]).toEqual({ index: 1, text: '2022年度长沙市岳麓区总工会' });
    expect(d.paragraphs[4].text).toContain('3246家工会');
    expect(d.paragraphs.map((x) => x.index)).toEqual(d.paragraphs.map((_, i) => i + 1));
    expect(d.paragraphs).toHaveLength(36);
  });

  test('row and column labels of a cell, for a table without A1 headers', () => {
    expect(cellLabels(sheet, 'E12')).toEqual({ row: '（2）项目支出', column: '全年执行数' });
    expect(cellLabels(sheet, 'D5')).toEqual({
      row: '资金\n\n来源合计'.replace(/\s/g, ''),
      column: '全年预算数',
    });
    expect(cellLabels(sheet, 'G34')).toEqual({ row: '总分', column: '分值' });
    expect(cellLabels(sheet, 'I21').column).toBe('偏差原因分析及改进措施');
  });
});

describe('readDocx: WordprocessingML details', () => {
  test('gridBefore, vMerge continue, gridSpan, cells inside content controls', () => {
    const body =
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      `<w:tr>${tc(p('a'), '<w:vMerge w:val="restart"/>')}${tc(p('b'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc(p(''), '<w:vMerge/>')}<w:sdt><w:sdtContent>${tc(p('c'))}</w:sdtContent></w:sdt>${tc(p('d'))}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('e'))}${tc(p('f'))}</w:tr>` +
      `</w:tbl>` +
      p('after');
    const d = readDocx(docx(body));
    expect(d.sheets[0].values).toEqual([
      ['a', 'b', null],
      [null, 'c', 'd'],
      [null, 'e', 'f'],
    ]);
    expect(d.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ]);
    expect(d.paragraphs).toEqual([{ index: 1, text: 'after' }]);
  });

  test('tabs, breaks, field results, no deleted or hidden text, no field codes', () => {
    const body =
      `<w:p><w:r><w:t>合计</w:t><w:tab/><w:t>10</w:t><w:br/><w:t>分</w:t></w:r>` +
      `<w:del><w:r><w:delText>旧</w:delText></w:r></w:del>` +
      `<w:ins><w:r><w:t>新</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>` +
      `<w:p/>` +
      p('第二段');
    const d = readDocx(docx(body));
    expect(d.paragraphs).toEqual([
      { index: 1, text: '合计\t10\n分新3链接' },
      { index: 2, text: '第二段' },
    ]);
    expect(d.sheets).toEqual([]);
  });

  test('several tables are 表1, 表2…; a table nested in a cell is a table of its own, after its outer one', () => {
    const inner = `<w:tbl><w:tr>${tc(p('x'))}${tc(p('y'))}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr>${tc(p('1') + inner)}</w:tr></w:tbl>${p('中间')}<w:tbl><w:tr>${tc(p('2'))}</w:tr></w:tbl>`;
    const d = readDocx(docx(body));
    expect(d.sheets.map((s) => [s.sheetName, s.values])).toEqual([
      ['表1', [['1']]],
      ['表2', [['x', 'y']]],
      ['表3', [['2']]],
    ]);
  });

  test('not a docx: one sentence, no stack trace', () => {
    expect(() => readDocx(strToU8('plain text'))).toThrow(UnreadableDocx);
    expect(() => readDocx(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/word\/document\.xml/);
  });
});
