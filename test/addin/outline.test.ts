import { readFileSync } from 'fs';
import * as path from 'path';
import { RECORD_KEY, parseRecord } from '../../src/addin/core/marks';
import { OUTLINE_BORDER, stripCells, stripsOf } from '../../src/addin/core/outlinePlan';
import { readAreas } from '../../src/addin/core/readAreas';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { createFakeHost, type FakeBook, type FakeHost } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';

const SHEET = '部门整体支出绩效自评表';
jest.setTimeout(120_000);

/** Every cell's borders on the sheet (the cells with none left out). */
function bordersOf(book: FakeBook, sheet = SHEET): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: Record<string, unknown> = {};
  for (const [a, c] of Object.entries(s.cells)) if (c.borders) out[a] = c.borders;
  return out;
}

/** The cell-sides ("top B3") that show our outline. */
function outlined(book: FakeBook, sheet = SHEET): string[] {
  const s = book.sheets.find((x) => x.name === sheet)!;
  const out: string[] = [];
  for (const [a, c] of Object.entries(s.cells))
    for (const [side, b] of Object.entries(c.borders ?? {}))
      if (b?.style === OUTLINE_BORDER.style && b.color === OUTLINE_BORDER.color)
        out.push(`${side} ${a}`);
  return out.sort();
}

/** The cell-sides an outline of these areas draws. */
function sidesOf(areas: string[]): string[] {
  return [
    ...new Set(
      areas.flatMap((a) =>
        stripsOf(a).flatMap((s) => stripCells(s.range).map((c) => `${s.side} ${c}`)),
      ),
    ),
  ].sort();
}

/** The form as a department draws it: a thin grid, and one user's double line inside it. */
function withGrid(book: FakeBook): FakeBook {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  for (const c of Object.values(s.cells)) {
    if (c.value === null) continue;
    c.borders = {
      top: { style: 'Continuous', color: '#000000', weight: 'Thin' },
      left: { style: 'Continuous', color: '#000000', weight: 'Thin' },
    };
  }
  const b5 = (s.cells.B5 = s.cells.B5 ?? { value: null });
  b5.borders = {
    ...(b5.borders ?? {}),
    bottom: { style: 'Double', color: '#FF0000', weight: 'Thick' },
  };
  return book;
}

describe('在表上框出读取区域', () => {
  let host: FakeHost;
  let before: FakeBook;
  let areas: string[];
  beforeEach(async () => {
    before = withGrid(await fakeBookFromXlsx(readFileSync(path.join(FIXTURES, 'yuelu-2022.xlsx'))));
    host = createFakeHost(cloneBook(before));
  });

  async function checkOutlined(on?: boolean) {
    const out = await createExcelGateway(host).check(
      'sheet',
      undefined,
      on === undefined ? {} : { outline: on },
    );
    if (out.kind !== 'checked') throw new Error(out.kind);
    const f = out.forms[0];
    areas = readAreas(f.reading!, null);
    return out;
  }

  test('off by default: no border changes, no outline recorded', async () => {
    await checkOutlined();
    expect(bordersOf(host.book)).toEqual(bordersOf(before));
    expect(parseRecord(host.book.settings[RECORD_KEY])?.outlines).toBeUndefined();
  });

  test('outlines each area read (the blocks and the 总分 row) in the same syncs, recorded', async () => {
    const plain = createFakeHost(cloneBook(before));
    await createExcelGateway(plain).check();
    await checkOutlined(true);
    const record = parseRecord(host.book.settings[RECORD_KEY])!;
    expect(record.outlines).toHaveLength(1);
    const drawn = record.outlines![0].areas;
    expect(drawn).toEqual(['C4:H12', 'B15:I33', 'B34:I34']);
    // the blocks start at the header rows the pane's 读取方式 names; the 总分 row on its own
    expect(areas[0]).toBe(drawn[0]);
    expect(areas[2]).toBe(drawn[2]);
    expect(outlined(host.book)).toEqual(sidesOf(drawn));
    expect(host.syncs).toBe(plain.syncs);
  });

  test("清除标记 restores the borders exactly: the grid, the user's double line and no border", async () => {
    await checkOutlined(true);
    expect(outlined(host.book).length).toBeGreaterThan(0);
    const r = await createExcelGateway(host).clearMarks();
    // the two blocks and the 总分 row: the pane says the frames went, not only the fills
    expect(r).toMatchObject({ kind: 'cleared', frames: 3 });
    expect(bordersOf(host.book)).toEqual(bordersOf(before));
    expect(host.book.settings[RECORD_KEY]).toBeUndefined();
  });

  test('re-running does not stack: the record keeps the borders from before the first outline', async () => {
    await checkOutlined(true);
    const first = host.book.settings[RECORD_KEY];
    await checkOutlined(true);
    await checkOutlined(true);
    expect(host.book.settings[RECORD_KEY]).toEqual(first);
    const record = parseRecord(host.book.settings[RECORD_KEY])!;
    for (const e of record.outlines![0].edges)
      for (const [b] of e.original) expect(b.style).not.toBe(OUTLINE_BORDER.style);
    await createExcelGateway(host).clearMarks();
    expect(bordersOf(host.book)).toEqual(bordersOf(before));
  });

  test('turned off, the next 校验 takes the outline away; a ribbon 校验 (no option) keeps it', async () => {
    await checkOutlined(true);
    const drawn = outlined(host.book);
    await checkOutlined(); // the ribbon: as the last 校验 left it
    expect(outlined(host.book)).toEqual(drawn);
    await checkOutlined(false);
    expect(outlined(host.book)).toEqual([]);
    expect(bordersOf(host.book)).toEqual(bordersOf(before));
  });

  test('修正 re-checks with the outline the pane last chose', async () => {
    const gw = createExcelGateway(host);
    const out = await gw.check('sheet', undefined, { outline: true });
    if (out.kind !== 'checked') throw new Error(out.kind);
    const fix = out.forms[0].findings.find((f) => f.fix)!.fix!;
    const drawn = outlined(host.book);
    await gw.applyFixes([{ sheet: SHEET, ...fix }]);
    expect(outlined(host.book)).toEqual(drawn);
  });

  test('a border the user drew on an outlined edge since is left alone by 清除标记', async () => {
    await checkOutlined(true);
    const s = host.book.sheets.find((x) => x.name === SHEET)!;
    const mine = { style: 'Continuous', color: '#00B050', weight: 'Medium' };
    s.cells.C4.borders = { ...s.cells.C4.borders, top: mine };
    await createExcelGateway(host).clearMarks();
    expect(s.cells.C4.borders?.top).toEqual(mine);
    const { C4: _c4, ...rest } = bordersOf(host.book) as Record<string, unknown>;
    const { C4: _b4, ...restBefore } = bordersOf(before) as Record<string, unknown>;
    expect(rest).toEqual(restBefore);
  });

  test('a protected sheet is never outlined', async () => {
    host.book.sheets[0].protected = true;
    await checkOutlined(true);
    expect(outlined(host.book)).toEqual([]);
  });
});

describe("the fake's borders are as strict as Excel", () => {
  test('only documented BorderIndex, style, weight and #RRGGBB colours', async () => {
    const host = createFakeHost({
      sheets: [{ name: 'S', cells: {}, merges: [], notes: {} }],
      active: 'S',
      settings: {},
      selection: null,
    });
    const attempt = (f: (r: Excel.Range) => void) =>
      host.run(async (context) => {
        f(context.workbook.worksheets.getItem('S').getRange('B2:C3'));
        await context.sync();
      });
    await expect(
      attempt((r) => r.format.borders.getItem('Top' as Excel.BorderIndex)),
    ).rejects.toThrow(/BorderIndex/);
    await expect(
      attempt(
        (r) => (r.format.borders.getItem('EdgeTop').style = 'Dashed' as Excel.BorderLineStyle),
      ),
    ).rejects.toThrow(/style/);
    await expect(
      attempt((r) => (r.format.borders.getItem('EdgeTop').color = 'purple')),
    ).rejects.toThrow(/color/);
    await attempt((r) => (r.format.borders.getItem('EdgeBottom').style = 'Dash'));
    const cells = host.book.sheets[0].cells;
    expect(cells.B3.borders?.bottom?.style).toBe('Dash');
    expect(cells.B2?.borders).toBeUndefined();
    await expect(attempt((r) => r.setCellProperties([[{}]]))).rejects.toThrow(/does not match/);
  });
});
