/**
 * One gateway suite over every host: the Excel fake (Office.js) and the ET fake (WPS 表格) run the
 * same behaviour tests on the same real workbooks. Host-specific costs (syncs, ET calls) are
 * asserted in each host's own test file.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Gateway } from '../../src/addin/core/gateway';
import { type MarkRecord, NOTE_PREFIX } from '../../src/addin/core/marks';
import { readReport } from '../../src/addin/core/report';
import type { FakeBook } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';
import { buildWorkbook } from '../helpers/workbook';

export interface HostUnderTest {
  gateway: Gateway;
  /** The live book the host reads and writes. */
  book: FakeBook;
  /** The host's unit of cost: syncs (Excel) or cross-process calls (WPS). */
  cost(): number;
  /** The marks record as stored in the workbook (null: none). */
  record(): MarkRecord | null;
  /** A new session on a saved and reopened copy of the workbook. */
  reopen(): HostUnderTest;
}

export interface HostKit {
  name: string;
  open(book: FakeBook): HostUnderTest;
}

export const SHEET = '部门整体支出绩效自评表';
const MARKS = ['#FFC7CE', '#FFEB9C'];

export async function fixtureBook(name: string): Promise<FakeBook> {
  return fakeBookFromXlsx(readFileSync(path.join(FIXTURES, name)));
}

function valuesOf(book: FakeBook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets)
    for (const [a, c] of Object.entries(s.cells))
      if (c.value !== null || c.formula)
        out[`${s.name}!${a}`] = [c.value, c.formula ?? null, c.numberFormat];
  return out;
}

/** A sheet's cells as a user sees them: an empty cell with no fill is no cell at all. */
export function cellsOf(book: FakeBook, sheet = SHEET): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  for (const [a, c] of Object.entries(s.cells)) {
    if (c.value === null && !c.formula && !c.fill) continue;
    out[a] = {
      value: c.value,
      formula: c.formula ?? null,
      numberFormat: c.numberFormat ?? 'General',
      fill: c.fill ?? null,
    };
  }
  return out;
}

export function markedCells(book: FakeBook, sheet = SHEET): Record<string, string> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, string> = {};
  for (const [a, c] of Object.entries(s.cells))
    if (c.fill && MARKS.includes(c.fill.color)) out[a] = c.fill.color;
  return out;
}

export function runGatewaySuite(kit: HostKit): void {
  describe(`${kit.name}: 校验 on the seed fixture`, () => {
    let before: FakeBook;
    let h: HostUnderTest;
    beforeEach(async () => {
      before = await fixtureBook('yuelu-2022.xlsx');
      h = kit.open(cloneBook(before));
    });

    test('marks exactly the expected cells, red for errors, yellow for warnings, with our notes', async () => {
      const out = await h.gateway.check();
      expect(out.kind).toBe('checked');
      const expected = JSON.parse(
        readFileSync(path.join(FIXTURES, 'yuelu-2022.expected.json'), 'utf8'),
      );
      const marks = markedCells(h.book);
      expect(Object.keys(marks).sort()).toEqual([...expected.errors, ...expected.warnings].sort());
      for (const a of expected.errors) expect(marks[a]).toBe('#FFC7CE');
      for (const a of expected.warnings) expect(marks[a]).toBe('#FFEB9C');
      const notes = h.book.sheets[0].notes;
      expect(Object.keys(notes).sort()).toEqual(Object.keys(marks).sort());
      expect(notes.G34.startsWith(NOTE_PREFIX)).toBe(true);
      expect(notes.G34).toContain('各项分值之和为 110');
      expect(h.record()?.sheets[0].cells).toHaveLength(9);
    });

    test('never changes a value', async () => {
      await h.gateway.check();
      expect(valuesOf(h.book)).toEqual(valuesOf(before));
    });

    test('清除标记 restores No Fill, white and a chosen colour exactly, and removes only its own notes', async () => {
      const cells = h.book.sheets[0].cells;
      cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 };
      cells.G34.fill = { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0 };
      cells.E5.fill = null;
      h.book.sheets[0].notes.I21 = '用户自己的批注';
      const original = cloneBook(h.book);
      await h.gateway.check();
      expect(h.book.sheets[0].notes.I21).toBe('用户自己的批注');
      expect(markedCells(h.book).D5).toBe('#FFEB9C');
      expect(await h.gateway.clearMarks()).toEqual({ kind: 'cleared', restored: 9 });
      expect(cellsOf(h.book)).toEqual(cellsOf(original));
      expect(h.book.sheets[0].notes).toEqual(original.sheets[0].notes);
      expect(h.record()).toBeNull();
    });

    test('re-running replaces the marks instead of stacking them', async () => {
      h.book.sheets[0].cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 };
      const original = cloneBook(h.book);
      await h.gateway.check();
      const once = cloneBook(h.book);
      await h.gateway.check();
      await h.gateway.check();
      expect(h.book.sheets[0]).toEqual(once.sheets[0]);
      expect(h.record()?.sheets[0].cells).toHaveLength(9);
      await h.gateway.clearMarks();
      expect(cellsOf(h.book)).toEqual(cellsOf(original));
      expect(h.book.sheets[0].notes).toEqual(original.sheets[0].notes);
    });

    test('saved and reopened, a new session clears the marks', async () => {
      const original = cloneBook(h.book);
      await h.gateway.check();
      const reopened = h.reopen();
      expect(await reopened.gateway.clearMarks()).toEqual({ kind: 'cleared', restored: 9 });
      expect(cellsOf(reopened.book)).toEqual(cellsOf(original));
      expect(reopened.book.sheets[0].notes).toEqual({});
    });

    test('a fix writes the value and the re-check no longer flags that cell', async () => {
      const first = await h.gateway.check();
      if (first.kind !== 'checked') throw new Error('not checked');
      const fix = first.result.findings.find((f) => f.cells[0] === 'D5')!.fix!;
      const after = await h.gateway.applyFixes([{ sheet: SHEET, ...fix }]);
      expect(h.book.sheets[0].cells.D5.value).toBe(299.59);
      if (after.kind !== 'checked') throw new Error('not checked');
      expect(after.result.findings.some((f) => f.cells[0] === 'D5')).toBe(false);
      expect(markedCells(h.book).D5).toBeUndefined();
    });

    test('全部修正 settles in one round', async () => {
      const first = await h.gateway.check();
      if (first.kind !== 'checked') throw new Error('not checked');
      const fixes = first.result.findings.flatMap((f) =>
        f.fix ? [{ sheet: SHEET, ...f.fix }] : [],
      );
      expect(fixes.map((f) => f.cell).sort()).toEqual(['D5', 'D8', 'E5', 'E8', 'F5', 'F8']);
      const after = await h.gateway.applyFixes(fixes);
      if (after.kind !== 'checked') throw new Error('not checked');
      expect(after.result.findings.filter((f) => f.fix)).toEqual([]);
    });

    test('clicking a finding selects its cell', async () => {
      expect(await h.gateway.select(SHEET, 'H34')).toEqual({ kind: 'done' });
      expect(h.book.selection).toEqual({ sheet: SHEET, address: 'H34' });
    });

    test('export writes a 校验结果 sheet with one row per finding, replacing an old one', async () => {
      const out = await h.gateway.check();
      if (out.kind !== 'checked') throw new Error('not checked');
      expect(await h.gateway.exportFindings(out.forms)).toMatchObject({ kind: 'done' });
      expect(await h.gateway.exportFindings(out.forms)).toMatchObject({ kind: 'done' });
      const sheets = h.book.sheets.filter((s) => s.name === '校验结果');
      expect(sheets).toHaveLength(1);
      expect(sheets[0].cells.A1.value).toBe('严重程度');
      expect(sheets[0].cells[`C${out.result.findings.length + 1}`].value).toBe(
        out.result.findings.at(-1)!.cells[0],
      );
    });

    test('核对自评报告: the report findings join the form and their cells are marked and noted', async () => {
      const r = readReport(
        '岳麓区总工会自评报告.docx',
        new Uint8Array(readFileSync(path.join(FIXTURES, 'docx/pair/岳麓区总工会自评报告.docx'))),
      );
      if (r.kind !== 'ok') throw new Error(r.message);
      const out = await h.gateway.check('sheet', r.report);
      if (out.kind !== 'checked') throw new Error(out.kind);
      expect(out.report?.findings).toHaveLength(5);
      expect(out.marked).toBe(11);
      expect(markedCells(h.book).B2).toBe('#FFEB9C');
      expect(h.book.sheets[0].notes.B2).toContain('自评报告第 5 段');
      expect(await h.gateway.clearMarks()).toEqual({ kind: 'cleared', restored: 11 });
    });
  });

  describe(`${kit.name}: refusals and other sheets`, () => {
    test('a sheet being edited: a clear sentence, nothing written', async () => {
      const h = kit.open(await fixtureBook('yuelu-2022.xlsx'));
      const before = cloneBook(h.book);
      h.book.editing = true;
      const out = await h.gateway.check();
      expect(out).toMatchObject({
        kind: 'error',
        message: expect.stringContaining('正在编辑单元格'),
      });
      h.book.editing = false;
      expect(h.book).toEqual({ ...before, editing: false });
    });

    test('a protected sheet: findings listed, no marks written, the pane says why', async () => {
      const h = kit.open(await fixtureBook('yuelu-2022.xlsx'));
      h.book.sheets[0].protected = true;
      const before = cloneBook(h.book);
      const out = await h.gateway.check();
      expect(out.kind).toBe('checked');
      if (out.kind === 'checked') {
        expect(out.notices.join()).toContain('受保护');
        expect(out.result.summary.errors).toBe(2);
      }
      expect(h.book).toEqual(before);
    });

    test('a workbook without a form: not-a-form, nothing changed', async () => {
      const book = await fakeBookFromXlsx(
        await buildWorkbook([{ name: 'Sheet1', rows: [['姓名', '电话']] }]),
      );
      const h = kit.open(book);
      const before = cloneBook(book);
      expect((await h.gateway.check()).kind).toBe('not-a-form');
      expect(h.book).toEqual(before);
    });

    test('the form on another sheet (the active one blank) is found, marked there, and activated', async () => {
      const book = await fixtureBook('yuelu-2022.xlsx');
      book.sheets.unshift({ name: '空白', cells: {}, merges: [], notes: {} });
      book.active = '空白';
      const h = kit.open(book);
      const out = await h.gateway.check();
      expect(out.kind === 'checked' && out.foundElsewhere).toBe(SHEET);
      expect(Object.keys(markedCells(h.book))).toHaveLength(9);
      expect(h.book.active).toBe(SHEET);
    });

    test('全部工作表: both forms marked and recorded; a later 校验 of one sheet puts the other back; 清除标记 restores all', async () => {
      const book = await fixtureBook('yuelu-2022.xlsx');
      book.sheets.push({ ...cloneBook(book).sheets[0], name: '第二张' });
      book.sheets.unshift({
        name: '封面',
        cells: { A1: { value: '2022 年度绩效自评表汇编' } },
        merges: [],
        notes: {},
      });
      book.active = '封面';
      const h = kit.open(book);
      const original = cloneBook(h.book);
      const out = await h.gateway.check('workbook');
      if (out.kind !== 'checked') throw new Error(out.kind);
      expect(out.forms.map((f) => f.sheet)).toEqual([SHEET, '第二张']);
      expect(Object.keys(markedCells(h.book, '第二张'))).toHaveLength(9);
      expect(h.record()?.sheets.map((s) => s.sheet)).toEqual([SHEET, '第二张']);
      h.book.active = '第二张';
      await h.gateway.check('sheet');
      expect(cellsOf(h.book, SHEET)).toEqual(cellsOf(original, SHEET));
      expect(Object.keys(markedCells(h.book, '第二张'))).toHaveLength(9);
      expect(await h.gateway.clearMarks()).toEqual({ kind: 'cleared', restored: 9 });
      expect(cellsOf(h.book, '第二张')).toEqual(cellsOf(original, '第二张'));
      expect(h.book.sheets.map((s) => s.notes)).toEqual(original.sheets.map((s) => s.notes));
    });
  });
}
