import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { CELLS_PER_READ } from '../../src/addin/host/readSheet';
import { NOTE_PREFIX, RECORD_KEY } from '../../src/addin/core/marks';
import { readReport } from '../../src/addin/core/report';
import { syntheticForm } from '../../bench/synthetic';
import { createFakeHost, type FakeBook, type FakeHost } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';
import { buildWorkbook } from '../helpers/workbook';

async function fixtureBook(name: string): Promise<FakeBook> {
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
function cellsOf(book: FakeBook, sheet = SHEET): Record<string, unknown> {
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

function markedCells(book: FakeBook, sheet: string): Record<string, string> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, string> = {};
  for (const [a, c] of Object.entries(s.cells))
    if (c.fill && ['#FFC7CE', '#FFEB9C'].includes(c.fill.color)) out[a] = c.fill.color;
  return out;
}

const SHEET = '部门整体支出绩效自评表';
// The large-sheet tests measure every response byte by byte; a shared 2-core machine is slow.
jest.setTimeout(60_000);

describe('校验 on the seed fixture', () => {
  let host: FakeHost;
  let before: FakeBook;
  beforeEach(async () => {
    before = await fixtureBook('yuelu-2022.xlsx');
    host = createFakeHost(cloneBook(before));
  });

  test('marks exactly the expected cells, red for errors, yellow for warnings, in 5 syncs, one undo step', async () => {
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    // used range, cells, the marked cells' fills and notes, marks + record, notes
    expect(host.syncs).toBe(5);
    expect(host.undoGroups).toBe(1);
    const expected = JSON.parse(
      readFileSync(path.join(FIXTURES, 'yuelu-2022.expected.json'), 'utf8'),
    );
    const marks = markedCells(host.book, SHEET);
    expect(Object.keys(marks).sort()).toEqual([...expected.errors, ...expected.warnings].sort());
    for (const a of expected.errors) expect(marks[a]).toBe('#FFC7CE');
    for (const a of expected.warnings) expect(marks[a]).toBe('#FFEB9C');
    const notes = host.book.sheets[0].notes;
    expect(Object.keys(notes).sort()).toEqual(Object.keys(marks).sort());
    expect(notes.G34.startsWith(NOTE_PREFIX)).toBe(true);
    expect(notes.G34).toContain('各项分值之和为 110');
  });

  test('never changes a value', async () => {
    await createExcelGateway(host).check();
    expect(valuesOf(host.book)).toEqual(valuesOf(before));
  });

  test('清除标记 restores No Fill, white fill and a coloured fill exactly, and removes only its own notes', async () => {
    const cells = host.book.sheets[0].cells;
    cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 }; // white, not "No Fill"
    cells.G34.fill = { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0 }; // a colour the user chose
    cells.E5.fill = null; // No Fill
    host.book.sheets[0].notes.I21 = '用户自己的批注';
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    await gw.check();
    expect(host.book.sheets[0].notes.I21).toBe('用户自己的批注'); // a user's note is never overwritten
    expect(markedCells(host.book, SHEET).D5).toBe('#FFEB9C');
    host.syncs = 0;
    const cleared = await gw.clearMarks();
    expect(cleared).toEqual({ kind: 'cleared', restored: 9 });
    expect(host.syncs).toBeLessThanOrEqual(3);
    expect(cellsOf(host.book)).toEqual(cellsOf(original));
    expect(host.book.sheets[0].notes).toEqual(original.sheets[0].notes);
    expect(host.book.settings[RECORD_KEY]).toBeUndefined();
  });

  test('re-running replaces the marks instead of stacking them, and clearing still restores the originals', async () => {
    host.book.sheets[0].cells.D5.fill = { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 };
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    await gw.check();
    const once = cloneBook(host.book);
    await gw.check();
    await gw.check();
    expect(host.book.sheets[0]).toEqual(once.sheets[0]);
    expect(JSON.parse(host.book.settings[RECORD_KEY]).sheets[0].cells).toHaveLength(9);
    await gw.clearMarks();
    expect(cellsOf(host.book)).toEqual(cellsOf(original));
    expect(host.book.sheets[0].notes).toEqual(original.sheets[0].notes);
  });

  test('what was marked is recorded in the workbook: a fresh session (reload) can clear it', async () => {
    const original = cloneBook(host.book);
    await createExcelGateway(host).check();
    const reloaded = createFakeHost(cloneBook(host.book));
    const cleared = await createExcelGateway(reloaded).clearMarks();
    expect(cleared).toEqual({ kind: 'cleared', restored: 9 });
    expect(cellsOf(reloaded.book)).toEqual(cellsOf(original));
    expect(reloaded.book.sheets[0].notes).toEqual({});
  });

  test('a fix writes the value and the re-check no longer flags that cell', async () => {
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const fix = first.result.findings.find((f) => f.cells[0] === 'D5')!.fix!;
    const after = await gw.applyFixes([{ sheet: SHEET, ...fix }]);
    expect(host.book.sheets[0].cells.D5.value).toBe(299.59);
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(after.result.findings.some((f) => f.cells[0] === 'D5')).toBe(false);
    expect(markedCells(host.book, SHEET).D5).toBeUndefined();
  });

  test('全部修正 settles in one round: the re-check offers no further fix and shows no new error or warning', async () => {
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const fixes = first.result.findings.flatMap((f) => (f.fix ? [{ sheet: SHEET, ...f.fix }] : []));
    // the blank totals and, planned with them, the rates those totals make computable (F5, F8)
    expect(fixes.map((f) => f.cell).sort()).toEqual(['D5', 'D8', 'E5', 'E8', 'F5', 'F8']);
    const after = await gw.applyFixes(fixes);
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(after.result.findings.filter((f) => f.fix)).toEqual([]);
    const alarms = (r: typeof first.result) =>
      r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}@${f.cells[0]}`);
    const before = new Set(alarms(first.result));
    expect(alarms(after.result).filter((k) => !before.has(k))).toEqual([]);
  });

  test('clicking a finding selects its cell', async () => {
    await createExcelGateway(host).select(SHEET, 'H34');
    expect(host.book.selection).toEqual({ sheet: SHEET, address: 'H34' });
  });

  test('export writes a 校验结果 sheet with one row per finding, replacing an old one', async () => {
    const gw = createExcelGateway(host);
    const out = await gw.check();
    if (out.kind !== 'checked') throw new Error('not checked');
    await gw.exportFindings(out.forms);
    await gw.exportFindings(out.forms);
    const sheets = host.book.sheets.filter((s) => s.name === '校验结果');
    expect(sheets).toHaveLength(1);
    expect(sheets[0].cells.A1.value).toBe('严重程度');
    expect(sheets[0].cells[`C${out.result.findings.length + 1}`].value).toBe(
      out.result.findings.at(-1)!.cells[0],
    );
  });
});

describe('hosts and refusals', () => {
  test('a sheet being edited: a clear sentence, nothing written', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const before = cloneBook(host.book);
    host.book.editing = true;
    const out = await createExcelGateway(host).check();
    expect(out).toEqual({
      kind: 'error',
      message: expect.stringContaining('正在编辑单元格'),
      detail: expect.stringContaining('InvalidOperationInCellEditMode'),
    });
    host.book.editing = false;
    expect(host.book).toEqual({ ...before, editing: false });
  });

  test('a protected sheet: findings listed, no marks written, the pane says why', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    host.book.sheets[0].protected = true;
    const before = cloneBook(host.book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    if (out.kind === 'checked') expect(out.notices.join()).toContain('受保护');
    expect(host.book).toEqual(before);
  });

  test('a write refused half-way leaves no marks behind', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const before = cloneBook(host.book);
    // The user's note on H34 makes the fake refuse notes.add there only if the adapter tried it:
    // instead, protect the sheet between the read and the write.
    const realRun = host.run.bind(host);
    let calls = 0;
    host.run = (batch, options) =>
      realRun(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          calls++;
          if (calls === 2) host.book.sheets[0].protected = true; // refused from the write on
          await sync();
        };
        return batch(ctx);
      }, options);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('error');
    host.book.sheets[0].protected = false;
    expect(cellsOf(host.book)).toEqual(cellsOf(before));
  });

  test('without notes (ExcelApi < 1.18): fills only, and the pane says so', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'), 17);
    const out = await createExcelGateway(host).check();
    expect(Object.keys(host.book.sheets[0].notes)).toHaveLength(0);
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(9);
    // said in words, no API version (issue 20 item 6)
    if (out.kind === 'checked') expect(out.notices.join()).toContain('不能写批注');
    if (out.kind === 'checked') expect(out.notices.join()).not.toMatch(/ExcelApi|1\.18/);
    await createExcelGateway(host).clearMarks();
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(0);
  });

  test('the form on another sheet is found, marked there, and the pane is told', async () => {
    const book = await fixtureBook('yuelu-2022.xlsx');
    book.sheets.unshift({
      name: '说明',
      cells: { A1: { value: '填表说明' } },
      merges: [],
      notes: {},
    });
    book.active = '说明';
    const host = createFakeHost(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind === 'checked' && out.foundElsewhere).toBe(SHEET);
    // sheet list + active, the active sheet's cells, the others' used ranges, the form's cells, state, marks, notes
    expect(host.syncs).toBe(7);
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(9);
    expect(host.book.active).toBe(SHEET);
  });

  test('a completely blank active sheet is read as A1 and the form is found on the next sheet', async () => {
    const book = await fixtureBook('yuelu-2022.xlsx');
    book.sheets.unshift({ name: '空白', cells: {}, merges: [], notes: {} });
    book.active = '空白';
    const host = createFakeHost(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind === 'checked' && out.foundElsewhere).toBe(SHEET);
  });

  test('a workbook without a form: not-a-form, nothing changed', async () => {
    const book = await fakeBookFromXlsx(
      await buildWorkbook([{ name: 'Sheet1', rows: [['姓名', '电话']] }]),
    );
    const host = createFakeHost(book);
    const before = cloneBook(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('not-a-form');
    expect(host.book).toEqual(before);
  });
});

describe("within Excel on the web's limits", () => {
  test.each([17, 2000])(
    '%s indicator rows: round trips grow with the cells read, never with the findings; every response under 2 MB',
    async (n) => {
      const rows = syntheticForm(n);
      // a few mistakes so there is something to mark
      rows[12][7] = 0;
      rows[13][7] = 0;
      const host = createFakeHost(
        await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }])),
      );
      const out = await createExcelGateway(host).check();
      expect(out.kind).toBe('checked');
      const chunks = Math.ceil((rows.length * 9) / CELLS_PER_READ);
      expect(host.syncs).toBe(1 + chunks + 3);
      expect(host.maxResponseBytes).toBeLessThan(2 * 1024 * 1024);
      expect(host.maxRequestBytes).toBeLessThan(2 * 1024 * 1024);
    },
  );

  test('a sheet that would answer with more than 5 MB at once is read in chunks, and the fake refuses such a response as Excel does', async () => {
    const rows = syntheticForm(6000);
    const book = await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }]));
    const host = createFakeHost(book, { payloadLimit: 600_000 });
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.maxResponseBytes).toBeLessThanOrEqual(600_000);
    // the same sheet in one read is refused with Excel's code
    const strict = createFakeHost(book, { payloadLimit: 600_000 });
    await expect(
      strict.run(async (context) => {
        const r = context.workbook.worksheets
          .getItem('Sheet1')
          .getUsedRange()
          .load(['values', 'numberFormat', 'text', 'formulas']);
        await context.sync();
        return r.values.length;
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('a chunk that is still too large (long texts) is read again in halves', async () => {
    const rows = syntheticForm(300).map((r, i) =>
      i > 11 && i < 300
        ? r.map((v, j) => (j === 3 ? `${String(v)}${'很长的指标名称'.repeat(40)}` : v))
        : r,
    );
    const host = createFakeHost(
      await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }])),
      { payloadLimit: 200_000 },
    );
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(out.kind === 'checked' && out.result.summary.coverage.indicatorRows).toBe(300);
  });

  test('cells that only carry formatting far down the sheet enlarge the used range but not the findings', async () => {
    const book = await fixtureBook('yuelu-2022.xlsx');
    book.sheets[0].cells.Z5000 = { value: null, numberFormat: '0.00' };
    const host = createFakeHost(book);
    const out = await createExcelGateway(host).check();
    expect(
      out.kind === 'checked' && out.result.findings.filter((f) => f.severity !== 'info').length,
    ).toBe(9);
    expect(host.maxResponseBytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('notes never cost the marks', () => {
  test('an office.js without Worksheet.notes under a host that claims 1.18: fills only, the pane says so, nothing throws', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'), {
      versions: 20,
      missing: ['notes'],
    });
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    if (out.kind === 'checked') expect(out.notices.join()).toContain('批注');
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(9);
    expect(host.book.sheets[0].notes).toEqual({});
  });

  test('a refused note batch leaves the marks and the record in place, and the pane says so', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const realRun = host.run.bind(host);
    host.run = (batch, options) =>
      realRun(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          if (++n === 5)
            throw Object.assign(new Error('notes refused'), { code: 'GeneralException' });
          await sync();
        };
        return batch(ctx);
      }, options);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    if (out.kind === 'checked') expect(out.notices.join()).toContain('批注没能写入');
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(9);
    expect(JSON.parse(host.book.settings[RECORD_KEY]).sheets[0].cells).toHaveLength(9);
  });

  test('a cell with a threaded comment keeps it, is marked, and gets no note', async () => {
    const book = await fixtureBook('yuelu-2022.xlsx');
    book.sheets[0].comments = { H34: '请财务科核对' };
    const host = createFakeHost(book);
    await createExcelGateway(host).check();
    expect(markedCells(host.book, SHEET).H34).toBe('#FFC7CE');
    expect(host.book.sheets[0].notes.H34).toBeUndefined();
    expect(host.book.sheets[0].notes.G34).toContain('各项分值之和为 110');
    expect(host.book.sheets[0].comments).toEqual({ H34: '请财务科核对' });
  });

  test('"No Fill" read back with tintAndShade absent (not null) is still put back as No Fill', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'), { noFillTint: 'absent' });
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    await gw.check();
    await gw.clearMarks();
    expect(cellsOf(host.book)).toEqual(cellsOf(original));
  });
});

describe('全部工作表: every sheet checked, marked and cleared', () => {
  async function twoForms(): Promise<FakeBook> {
    const book = await fixtureBook('yuelu-2022.xlsx');
    const copy = cloneBook(book).sheets[0];
    book.sheets.push({ ...copy, name: '第二张' });
    book.sheets.unshift({
      name: '封面',
      cells: { A1: { value: '2022 年度绩效自评表汇编' } },
      merges: [],
      notes: {},
    });
    book.active = '封面';
    return book;
  }

  test('marks both forms, lists each, records both sheets; 清除标记 puts both back', async () => {
    const host = createFakeHost(await twoForms());
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    const out = await gw.check('workbook');
    if (out.kind !== 'checked') throw new Error(out.kind);
    expect(out.forms.map((f) => f.sheet)).toEqual([SHEET, '第二张']);
    expect(out.foundElsewhere).toBeNull();
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(9);
    expect(Object.keys(markedCells(host.book, '第二张'))).toHaveLength(9);
    expect(
      JSON.parse(host.book.settings[RECORD_KEY]).sheets.map((s: { sheet: string }) => s.sheet),
    ).toEqual([SHEET, '第二张']);
    const cleared = await gw.clearMarks();
    expect(cleared).toEqual({ kind: 'cleared', restored: 18 });
    expect(cellsOf(host.book, SHEET)).toEqual(cellsOf(original, SHEET));
    expect(cellsOf(host.book, '第二张')).toEqual(cellsOf(original, '第二张'));
    expect(host.book.sheets.map((s) => s.notes)).toEqual(original.sheets.map((s) => s.notes));
  });

  test('a later 校验 of one sheet replaces the marks on the others', async () => {
    const host = createFakeHost(await twoForms());
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    await gw.check('workbook');
    host.book.active = '第二张';
    await gw.check('sheet');
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(0);
    expect(cellsOf(host.book, SHEET)).toEqual(cellsOf(original, SHEET));
    expect(Object.keys(markedCells(host.book, '第二张'))).toHaveLength(9);
  });

  test('fixes on two sheets are written at once and the re-check keeps the scope', async () => {
    const host = createFakeHost(await twoForms());
    const gw = createExcelGateway(host);
    const out = await gw.check('workbook');
    if (out.kind !== 'checked') throw new Error(out.kind);
    const fixes = out.forms.flatMap((f) =>
      f.findings.flatMap((x) =>
        x.fix && x.cells[0] === 'D5' ? [{ sheet: f.sheet, ...x.fix }] : [],
      ),
    );
    expect(fixes).toHaveLength(2);
    const after = await gw.applyFixes(fixes, 'workbook');
    if (after.kind !== 'checked') throw new Error(after.kind);
    expect(after.scope).toBe('workbook');
    expect(host.book.sheets.filter((s) => s.cells.D5?.value === 299.59)).toHaveLength(2);
  });
});

describe('the fake is as strict as Excel', () => {
  test('reading a property that was not loaded throws, as Office.js does', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    await expect(
      host.run(async (context) => {
        const r = context.workbook.worksheets.getItem(SHEET).getRange('A1').load('values');
        await context.sync();
        return r.numberFormat;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  test('notes.add on a multi-cell range is refused', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    await expect(
      host.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SHEET);
        ws.notes.add(ws.getRange('A1:B2'), 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('merged areas: the address names only top-left cells (#1590); the geometry the adapter reads is right', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const { address, boxes } = await host.run(async (context) => {
      const m = context.workbook.worksheets
        .getItem(SHEET)
        .getRange('A1:I34')
        .getMergedAreasOrNullObject();
      m.load('address');
      m.areas.load(['items/rowIndex', 'items/columnIndex', 'items/rowCount', 'items/columnCount']);
      await context.sync();
      return {
        address: m.address,
        boxes: m.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount]),
      };
    });
    expect(address).not.toContain(':');
    expect(boxes).toContainEqual([3, 0, 9, 1]); // A4:A12
  });
});

describe('核对自评报告 with several project forms in the workbook', () => {
  const paragraphs = (title: string) =>
    [title, '一、项目概况', '全年执行数171万元，执行率60%。'].map((text, i) => ({
      index: i + 1,
      text,
    }));
  const checkWith = async (title: string, pick?: number) => {
    const host = createFakeHost(await fixtureBook('real/mixed-projects-per-sheet.xlsx'));
    const report = { name: '报告.docx', paragraphs: paragraphs(title), hasForm: false, pick };
    const out = await createExcelGateway(host).check('workbook', report);
    if (out.kind !== 'checked') throw new Error('not checked');
    return out;
  };

  test('the report goes to the form its title names, and the note says which', async () => {
    const out = await checkWith('2019年度购买第三方服务项目支出绩效自评报告');
    expect(out.report?.sheet).toBe('购买第三方服务');
    expect(out.report?.notes.join('')).toContain('“购买第三方服务”');
  });

  test('a title that names none of them leaves the report unchecked, saying why', async () => {
    const out = await checkWith('2019年度项目支出绩效自评报告');
    expect(out.report?.sheet).toBeNull();
    expect(out.report?.findings).toEqual([]);
    expect(out.report?.notes.join('')).toContain('无法确定对应哪一张');
  });

  test('the form the user picked wins over the title', async () => {
    const out = await checkWith('2019年度购买第三方服务项目支出绩效自评报告', 2);
    expect(out.forms.map((f) => f.sheet)).toEqual(['购买第三方服务', '结算费用', '工资性支出']);
    expect(out.report?.sheet).toBe('工资性支出');
    expect(out.report?.notes.join('')).toContain('与所选的表核对');
  });
});

describe('核对自评报告: the narrative against the form, marked with it', () => {
  const REPORT = path.join(FIXTURES, 'docx/pair/岳麓区总工会自评报告.docx');
  const report = () => {
    const r = readReport('岳麓区总工会自评报告.docx', new Uint8Array(readFileSync(REPORT)));
    if (r.kind !== 'ok') throw new Error(r.message);
    return r.report;
  };
  let host: FakeHost;
  let before: FakeBook;
  beforeEach(async () => {
    before = await fixtureBook('yuelu-2022.xlsx');
    host = createFakeHost(cloneBook(before));
  });

  test('the report findings join the form, their cells are marked and noted, in the same 5 syncs', async () => {
    const out = await createExcelGateway(host).check('sheet', report());
    if (out.kind !== 'checked') throw new Error(out.kind);
    expect(host.syncs).toBe(5);
    expect(out.report?.sheet).toBe(SHEET);
    const found = out.report!.findings.map((f) => [f.rule, f.cells[0], f.paragraph]);
    expect(found).toEqual([
      ['report.count-mismatch', 'B2', 5],
      ['report.amount-mismatch', 'E12', 13],
      ['report.itemised-sum-mismatch', 'E12', 13],
      ['report.amount-mismatch', 'E12', 27],
      ['report.itemised-sum-mismatch', 'E12', 27],
    ]);
    expect(out.result.findings.filter((f) => f.rule.startsWith('report.'))).toHaveLength(5);
    expect(out.result.summary.warnings).toBe(7 + 5);
    expect(out.marked).toBe(11);
    const marks = markedCells(host.book, SHEET);
    expect(marks.B2).toBe('#FFEB9C');
    expect(marks.E12).toBe('#FFEB9C');
    const notes = host.book.sheets[0].notes;
    expect(notes.B2.startsWith(NOTE_PREFIX)).toBe(true);
    expect(notes.B2).toContain('自评报告第 5 段');
    expect(notes.E12).toContain('自评报告第 27 段');
    expect(JSON.parse(host.book.settings[RECORD_KEY]).sheets[0].cells).toHaveLength(11);
  });

  test('re-running does not stack, a plain 校验 takes the report marks back, 清除标记 restores everything', async () => {
    host.book.sheets[0].cells.B2.fill = { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0 };
    const original = cloneBook(host.book);
    const gw = createExcelGateway(host);
    await gw.check('sheet', report());
    const once = cloneBook(host.book);
    await gw.check('sheet', report());
    expect(host.book.sheets[0]).toEqual(once.sheets[0]);
    await gw.check('sheet');
    expect(markedCells(host.book, SHEET).E12).toBeUndefined();
    expect(host.book.sheets[0].cells.B2.fill?.color).toBe('#DDEBF7');
    expect(host.book.sheets[0].notes.B2).toBeUndefined();
    await gw.check('sheet', report());
    expect(markedCells(host.book, SHEET).B2).toBe('#FFEB9C');
    expect(await gw.clearMarks()).toEqual({ kind: 'cleared', restored: 11 });
    expect(cellsOf(host.book)).toEqual(cellsOf(original));
    expect(host.book.sheets[0].notes).toEqual(original.sheets[0].notes);
    expect(host.book.settings[RECORD_KEY]).toBeUndefined();
  });

  test('修正 re-checks with the report: its findings stay listed and marked', async () => {
    const gw = createExcelGateway(host);
    const out = await gw.applyFixes(
      [{ sheet: SHEET, cell: 'D5', value: '299.59' }],
      'sheet',
      report(),
    );
    if (out.kind !== 'checked') throw new Error(out.kind);
    expect(out.report?.findings).toHaveLength(5);
    expect(markedCells(host.book, SHEET).B2).toBe('#FFEB9C');
  });
});

describe('readReport: a .docx that cannot be read is one sentence', () => {
  const docx = (body: string) =>
    zipSync({
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    });
  const sentence = (r: ReturnType<typeof readReport>) => {
    if (r.kind !== 'error') throw new Error('read');
    expect(r.message).not.toMatch(/Error|at |\n/);
    expect(r.message).toMatch(/[。]$/);
    return r.message;
  };

  test.each([
    ['not a zip', 'a.docx', strToU8('hello'), /不是 Word 文档（\.docx）/],
    ['an old .doc', 'a.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /另存为 \.docx/],
    ['a zip that is not Word', 'a.docx', zipSync({ 'a.txt': strToU8('x') }), /找不到正文/],
    ['broken XML', 'a.docx', zipSync({ 'word/document.xml': strToU8('<w:document') }), /无法读取/],
    [
      'only a table, no narrative',
      'a.docx',
      docx('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'),
      /没有表格以外的文字段落/,
    ],
  ])('%s', (_what, name, bytes, says) => {
    expect(sentence(readReport(name, bytes))).toMatch(says);
  });

  test('a document that holds the form too: only its narrative is used, and the pane says so', async () => {
    const r = readReport(
      'yuelu-2022.docx',
      new Uint8Array(readFileSync(path.join(FIXTURES, 'docx/yuelu-2022.docx'))),
    );
    if (r.kind !== 'ok') throw new Error(r.message);
    expect(r.report.hasForm).toBe(true);
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const out = await createExcelGateway(host).check('sheet', r.report);
    if (out.kind !== 'checked') throw new Error(out.kind);
    expect(out.report!.notes.join('')).toContain('只用了它表格以外的文字');
    expect(out.report!.findings.length).toBeGreaterThan(0);
  });
});
