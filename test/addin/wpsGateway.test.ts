import { syntheticForm } from '../../bench/synthetic';
import { NOTE_PREFIX } from '../../src/addin/core/marks';
import { parseExplanations } from '../../src/engine/explain/xml';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { bgrToHex, hexToBgr } from '../../src/addin/wps/colors';
import type { EtRange } from '../../src/addin/wps/et';
import { readEtSheet, boxOf } from '../../src/addin/wps/readEt';
import {
  addExplanation,
  loadExplanations,
  readRecord,
  storeProfileChoice,
} from '../../src/addin/wps/store';
import { createWpsGateway } from '../../src/addin/wps/wpsGateway';
import { createFakeEt, type EtBook } from '../fakes/et/fakeEt';
import { parseBox } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { buildWorkbook } from '../helpers/workbook';
import { cellsOf, fixtureBook, markedCells, SHEET } from './sharedGatewaySuite';

// Real workbooks through a strict fake on a shared machine: give each test room.
jest.setTimeout(60_000);

const seed = async () => (await fixtureBook('yuelu-2022.xlsx')) as EtBook;

describe('colours are BGR', () => {
  test('red is 0x0000FF, the marks convert both ways', () => {
    expect(hexToBgr('#FF0000')).toBe(0x0000ff);
    expect(hexToBgr('#0000FF')).toBe(0xff0000);
    expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
    expect(bgrToHex(hexToBgr('#DDEBF7'))).toBe('#DDEBF7');
  });
});

describe('ET calls per 校验', () => {
  test('the seed: reads in whole ranges, state only for the marked cells', async () => {
    const et = createFakeEt(await seed());
    const out = await createWpsGateway(et.app).check();
    expect(out.kind).toBe('checked');
    console.log(`WPS calls, seed 校验: ${et.calls}`, JSON.stringify(et.byName));
    expect(et.byName['Range.Value2']).toBe(1);
    expect(et.byName['Range.Formula']).toBe(1);
    expect(et.byName['Range.Text'] ?? 0).toBe(0);
    expect(et.byName['Interior.Color=']).toBe(9);
    expect(et.byName['Range.AddComment']).toBe(9);
    expect(et.calls).toBeLessThan(700);
    et.calls = 0;
    await createWpsGateway(et.app).clearMarks();
    console.log(`WPS calls, seed 清除标记: ${et.calls}`);
  });

  test.each([17, 2000])(
    '%s indicator rows: reading costs about the same, whatever the rows; formats by column blocks',
    async (n) => {
      const rows = syntheticForm(n);
      rows[12][7] = 0;
      rows[13][7] = 0;
      const book = (await fakeBookFromXlsx(
        await buildWorkbook([{ name: 'Sheet1', rows }]),
      )) as EtBook;
      const et = createFakeEt(book);
      const out = await createWpsGateway(et.app).check();
      expect(out.kind).toBe('checked');
      const marked = out.kind === 'checked' ? out.marked : 0;
      console.log(
        `WPS calls, ${n}-row form: ${et.calls} (${rows.length} rows × ${Math.max(...rows.map((r) => r.length))} columns, ${marked} marked; NumberFormat ${et.byName['Range.NumberFormat']}, MergeCells ${et.byName['Range.MergeCells'] ?? 0})`,
      );
      expect(et.byName['Range.Value2']).toBe(1);
      expect(et.byName['Range.NumberFormat']).toBeLessThan(200);
      expect(et.calls).toBeLessThan(1500 + 30 * marked);
    },
  );
});

describe('reading a sheet through ET', () => {
  test('merged areas are found exactly, without a call per cell', async () => {
    const book = await seed();
    const et = createFakeEt(book);
    const ws = et.app.ActiveWorkbook!.ActiveSheet;
    const snap = readEtSheet(ws, SHEET, boxOf(ws.UsedRange));
    const key = (b: { top: number; left: number; bottom: number; right: number }) =>
      `${b.top},${b.left},${b.bottom},${b.right}`;
    expect(snap.merges.map(key).sort()).toEqual(
      book.sheets[0].merges.map(parseBox).map(key).sort(),
    );
    expect(et.byName['Range.MergeCells']).toBeLessThan(34 * 9);
  });

  test('number formats come back per cell even though ET answers null for a mixed range', async () => {
    const book = await seed();
    const et = createFakeEt(book);
    const ws = et.app.ActiveWorkbook!.ActiveSheet;
    expect(ws.UsedRange.NumberFormat).toBeNull();
    const snap = readEtSheet(ws, SHEET, boxOf(ws.UsedRange));
    for (const [a, c] of Object.entries(book.sheets[0].cells)) {
      const p = parseBox(a);
      expect([a, snap.numberFormats![p.top - snap.originRow][p.left - snap.originCol]]).toEqual([
        a,
        c.numberFormat ?? 'General',
      ]);
    }
  });
});

describe('the ET fake is as strict as WPS documents', () => {
  test('mixed ranges answer null; one cell answers a scalar; several an array of rows', async () => {
    const et = createFakeEt(await seed());
    const ws = et.app.ActiveWorkbook!.ActiveSheet;
    expect(ws.Range('A1:I34').Text).toBeNull();
    expect(ws.Range('A1:I34').MergeCells).toBeNull();
    expect(Array.isArray(ws.Range('A1:B2').Value2)).toBe(true);
    expect(Array.isArray(ws.Range('D5').Value2)).toBe(false);
  });

  test('a colour that is not a BGR long is refused; no fill reads as -4142 with a white Color', async () => {
    const et = createFakeEt(await seed());
    const ws = et.app.ActiveWorkbook!.ActiveSheet;
    const it = ws.Range('E5').Interior;
    expect(it.ColorIndex).toBe(-4142);
    expect(it.Color).toBe(0xffffff);
    expect(() => ((it as unknown as { Color: string }).Color = '#FFC7CE')).toThrow(/BGR/);
    it.Color = 255;
    expect(et.book.sheets[0].cells.E5.fill?.color).toBe('#FF0000');
  });

  test('comments: none is null, a second AddComment throws, several cells throw', async () => {
    const et = createFakeEt(await seed());
    const ws = et.app.ActiveWorkbook!.ActiveSheet;
    expect(ws.Range('H34').Comment).toBeNull();
    ws.Range('H34').AddComment('x');
    expect(() => ws.Range('H34').AddComment('y')).toThrow();
    expect(() => ws.Range('A1:B2').AddComment('y')).toThrow();
    ws.Range('H34').Comment!.Delete();
    expect(et.book.sheets[0].notes.H34).toBeUndefined();
  });

  test('MergeArea of several cells, a sheet delete with alerts on, a select on an inactive sheet: refused', async () => {
    const book = await seed();
    book.sheets.push({ name: '其他', cells: {}, merges: [], notes: {} });
    const et = createFakeEt(book);
    const wb = et.app.ActiveWorkbook!;
    expect(() => wb.ActiveSheet.Range('A1:I3').MergeArea).toThrow();
    expect(() => wb.Worksheets.Item('其他').Delete()).toThrow(/DisplayAlerts/);
    expect(() => wb.Worksheets.Item('其他').Range('A1').Select()).toThrow();
  });
});

describe('WPS writes', () => {
  test('a write refused half-way leaves no marks behind', async () => {
    const book = await seed();
    const before = cloneBook(book);
    const et = createFakeEt(book, { refuse: (m, n) => m === 'Interior.Color=' && n === 5 });
    const out = await createWpsGateway(et.app).check();
    expect(out).toEqual({ kind: 'error', message: expect.stringContaining('WPS 拒绝了本次操作') });
    expect(cellsOf(et.book)).toEqual(cellsOf(before));
    expect(readRecord(et.app.ActiveWorkbook!)).toBeNull();
  });

  test('refused notes cost nothing but themselves: the marks and the record stay', async () => {
    const et = createFakeEt(await seed(), { refuse: (m) => m === 'Range.AddComment' });
    const out = await createWpsGateway(et.app).check();
    expect(out.kind === 'checked' && out.notices.join()).toContain('批注未能写入');
    expect(Object.keys(markedCells(et.book))).toHaveLength(9);
    expect(readRecord(et.app.ActiveWorkbook!)?.sheets[0].cells).toHaveLength(9);
  });

  test('a note of ours is replaced, a user note is kept and not re-noted', async () => {
    const book = await seed();
    book.sheets[0].notes.G34 = `${NOTE_PREFIX}旧的说明`;
    book.sheets[0].notes.H34 = '财务科：已核对';
    const et = createFakeEt(book);
    await createWpsGateway(et.app).check();
    expect(et.book.sheets[0].notes.G34).toContain('各项分值之和为 110');
    expect(et.book.sheets[0].notes.H34).toBe('财务科：已核对');
    await createWpsGateway(et.app).clearMarks();
    expect(et.book.sheets[0].notes.H34).toBe('财务科：已核对');
    expect(et.book.sheets[0].notes.G34).toBeUndefined();
  });

  test('on a protected sheet a fix goes only into an unlocked cell', async () => {
    const book = await seed();
    book.sheets[0].protected = true;
    const et = createFakeEt(book);
    const gw = createWpsGateway(et.app);
    const refused = await gw.applyFixes([{ sheet: SHEET, cell: 'D5', value: '299.59' }]);
    expect(refused).toEqual({ kind: 'error', message: expect.stringContaining('D5 已锁定') });
    expect(et.book.sheets[0].cells.D5.value).toBe(book.sheets[0].cells.D5.value);
    expect(et.book.sheets[0].cells.D5.value).not.toBe(299.59);
    et.book.unlocked = { [SHEET]: ['D5'] };
    const done = await gw.applyFixes([{ sheet: SHEET, cell: 'D5', value: '299.59' }]);
    expect(done.kind).toBe('checked');
    expect(et.book.sheets[0].cells.D5.value).toBe(299.59);
  });

  test('where WPS offers custom undo records, one 校验 is one undo step', async () => {
    const et = createFakeEt(await seed(), { undoRecord: true });
    await createWpsGateway(et.app).check();
    expect(et.undoSteps).toBe(1);
  });

  test('no workbook open: one sentence', async () => {
    const et = createFakeEt({ sheets: [], active: '', settings: {}, selection: null });
    expect(await createWpsGateway(et.app).check()).toEqual({
      kind: 'error',
      message: expect.stringContaining('没有打开的工作簿'),
    });
  });
});

describe('审核说明 and the profile choice live in a custom XML part', () => {
  test('stored, saved and reopened, read back; the CLI reads the same XML', async () => {
    const et = createFakeEt(await seed());
    const wb = et.app.ActiveWorkbook!;
    storeProfileChoice(wb, 'hunan');
    addExplanation(wb, {
      rule: 'indicators.score-sum',
      sheet: SHEET,
      labels: ['合计', 'score'],
      values: ['110', '100'],
      text: '分值按省厅 2022 年口径 <含加分项> & 扣分项',
      by: null,
      at: '2026-12-03T16:00:00Z',
      cell: 'G34',
    });
    const reopened = createFakeEt(cloneBook(et.book));
    const part = loadExplanations(reopened.app.ActiveWorkbook!);
    expect(part.profile).toBe('hunan');
    expect(part.explanations).toHaveLength(1);
    const xml = reopened.book.customXmlParts!.find((p) => p.xml.includes(EXPLANATIONS_NAMESPACE))!;
    expect(parseExplanations(xml.xml)).toEqual(part);
    expect(
      reopened.book.customXmlParts!.filter((p) => p.xml.includes(EXPLANATIONS_NAMESPACE)),
    ).toHaveLength(1);
  });
});

describe('where a range lies', () => {
  const count = (n: number) => ({ Count: n });
  test('from Address as a method or as a string, else from Row/Column/Rows/Columns', () => {
    const method = { Address: () => '$B$2:$C$5' } as unknown as EtRange;
    const text = { Address: "'表 1'!$A$4:$A$12" } as unknown as EtRange;
    const other = {
      Address: () => 'R2C2:R5C3',
      Row: 2,
      Column: 2,
      Rows: count(4),
      Columns: count(2),
    } as unknown as EtRange;
    expect(boxOf(method)).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
    expect(boxOf(text)).toEqual({ top: 3, left: 0, bottom: 11, right: 0 });
    expect(boxOf(other)).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
  });
});
