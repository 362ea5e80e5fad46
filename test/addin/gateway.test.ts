import { readFileSync } from 'fs';
import * as path from 'path';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { NOTE_PREFIX, RECORD_KEY } from '../../src/addin/core/marks';
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
  for (const s of book.sheets) for (const [a, c] of Object.entries(s.cells)) if (c.value !== null || c.formula) out[`${s.name}!${a}`] = [c.value, c.formula ?? null, c.numberFormat];
  return out;
}

/** A sheet's cells as a user sees them: an empty cell with no fill is no cell at all. */
function cellsOf(book: FakeBook, sheet = SHEET): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  for (const [a, c] of Object.entries(s.cells)) {
    if (c.value === null && !c.formula && !c.fill) continue;
    out[a] = { value: c.value, formula: c.formula ?? null, numberFormat: c.numberFormat ?? 'General', fill: c.fill ?? null };
  }
  return out;
}

function markedCells(book: FakeBook, sheet: string): Record<string, string> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, string> = {};
  for (const [a, c] of Object.entries(s.cells)) if (c.fill && ['#FFC7CE', '#FFEB9C'].includes(c.fill.color)) out[a] = c.fill.color;
  return out;
}

const SHEET = '部门整体支出绩效自评表';

describe('校验 on the seed fixture', () => {
  let host: FakeHost;
  let before: FakeBook;
  beforeEach(async () => {
    before = await fixtureBook('yuelu-2022.xlsx');
    host = createFakeHost(cloneBook(before));
  });

  test('marks exactly the expected cells, red for errors, yellow for warnings, in ≤ 3 syncs, one undo step', async () => {
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.syncs).toBeLessThanOrEqual(3);
    expect(host.undoGroups).toBe(1);
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'yuelu-2022.expected.json'), 'utf8'));
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
    expect(JSON.parse(host.book.settings[RECORD_KEY]).cells).toHaveLength(9);
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
    const after = await gw.applyFixes(SHEET, [fix]);
    expect(host.book.sheets[0].cells.D5.value).toBe(299.59);
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(after.result.findings.some((f) => f.cells[0] === 'D5')).toBe(false);
    expect(markedCells(host.book, SHEET).D5).toBeUndefined();
  });

  test('all fixes at once: the blank totals are filled and only the unfixable findings remain', async () => {
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const fixes = first.result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    const after = await gw.applyFixes(SHEET, fixes);
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(after.result.findings.filter((f) => f.fix).map((f) => f.cells[0])).toEqual(['F5', 'F8']); // rates of the now-filled totals
  });

  test('clicking a finding selects its cell', async () => {
    await createExcelGateway(host).select(SHEET, 'H34');
    expect(host.book.selection).toEqual({ sheet: SHEET, address: 'H34' });
  });

  test('export writes a 校验结果 sheet with one row per finding, replacing an old one', async () => {
    const gw = createExcelGateway(host);
    const out = await gw.check();
    if (out.kind !== 'checked') throw new Error('not checked');
    await gw.exportFindings(SHEET, out.result.findings);
    await gw.exportFindings(SHEET, out.result.findings);
    const sheets = host.book.sheets.filter((s) => s.name === '校验结果');
    expect(sheets).toHaveLength(1);
    expect(sheets[0].cells.A1.value).toBe('严重程度');
    expect(sheets[0].cells[`C${out.result.findings.length + 1}`].value).toBe(out.result.findings.at(-1)!.cells[0]);
  });
});

describe('hosts and refusals', () => {
  test('a sheet being edited: a clear sentence, nothing written', async () => {
    const host = createFakeHost(await fixtureBook('yuelu-2022.xlsx'));
    const before = cloneBook(host.book);
    host.book.editing = true;
    const out = await createExcelGateway(host).check();
    expect(out).toEqual({ kind: 'error', message: expect.stringContaining('正在编辑单元格') });
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
    if (out.kind === 'checked') expect(out.notices.join()).toContain('1.18');
    await createExcelGateway(host).clearMarks();
    expect(Object.keys(markedCells(host.book, SHEET))).toHaveLength(0);
  });

  test('the form on another sheet is found, marked there, and the pane is told', async () => {
    const book = await fixtureBook('yuelu-2022.xlsx');
    book.sheets.unshift({ name: '说明', cells: { A1: { value: '填表说明' } }, merges: [], notes: {} });
    book.active = '说明';
    const host = createFakeHost(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind === 'checked' && out.foundElsewhere).toBe(SHEET);
    expect(host.syncs).toBeLessThanOrEqual(4);
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
    const book = await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows: [['姓名', '电话']] }]));
    const host = createFakeHost(book);
    const before = cloneBook(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('not-a-form');
    expect(host.book).toEqual(before);
  });
});

describe('round trips do not grow with the form', () => {
  test.each([17, 2000])('%s indicator rows: ≤ 3 syncs for one 校验', async (n) => {
    const rows = syntheticForm(n);
    // a few mistakes so there is something to mark
    rows[12][7] = 0;
    rows[13][7] = 0;
    const host = createFakeHost(await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }])));
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.syncs).toBeLessThanOrEqual(3);
  });
});
