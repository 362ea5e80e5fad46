import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { seenKey } from '../../src/addin/core/gateway';
import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { EXPORTS_KEY } from '../../src/addin/host/gateway/exportFindings';
import { MERGES_PER_READ, queueSheetMeta, readSheetContent } from '../../src/addin/host/readSheet';
import { capabilitiesOf } from '../../src/addin/host/excelHost';
import { EXPLANATIONS_NAMESPACE } from '../../src/engine/explain/types';
import { syntheticForm } from '../../bench/synthetic';
import { a1, createFakeHost, type FakeBook, type FakeOptions } from '../fakes/fakeExcel';
import { cloneBook, fakeBookFromXlsx } from '../fakes/fromExcelJs';
import { FIXTURES } from '../helpers/cli';
import { buildWorkbook } from '../helpers/workbook';

/**
 * Issue 20 against the fake as strict as Excel: the 512-merge limit, Excel's other refusals, an
 * inflated used range, protected templates, edits between 校验 and 修正, 导出结果 beside a sheet it
 * did not make, 审核说明 and the profile choice in the workbook. The syncs and largest responses
 * measured here are written to test-results/addin-syncs.json for the closing note.
 */
const SHEET = '部门整体支出绩效自评表';
const measured: Record<string, { syncs: number; maxResponseBytes: number }> = {};

afterAll(() => {
  const dir = path.resolve(__dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'addin-syncs.json'), `${JSON.stringify(measured, null, 2)}\n`);
});

const seedBook = () => fakeBookFromXlsx(readFileSync(path.join(FIXTURES, 'yuelu-2022.xlsx')));

function marked(book: FakeBook, sheet = SHEET): string[] {
  const s = book.sheets.find((x) => x.name === sheet)!;
  return Object.entries(s.cells)
    .filter(([, c]) => c.fill && ['#FFC7CE', '#FFEB9C'].includes(c.fill.color))
    .map(([a]) => a)
    .sort();
}

/** The synthetic form with `n` indicator rows and vertical merges in columns A and I: n merges. */
async function mergedForm(n: number): Promise<FakeBook> {
  const rows = syntheticForm(n);
  rows[12][7] = 0; // a wrong score, so there is something to mark
  const book = await fakeBookFromXlsx(await buildWorkbook([{ name: 'Sheet1', rows }]));
  const first = 11; // 0-based row of the first indicator row
  for (let r = first; r + 1 < first + n; r += 2)
    book.sheets[0].merges.push(`${a1(r, 0)}:${a1(r + 1, 0)}`, `${a1(r, 8)}:${a1(r + 1, 8)}`);
  return book;
}

describe('the seed, measured', () => {
  test('5 syncs, every response small', async () => {
    const host = createFakeHost(await seedBook());
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.syncs).toBe(5);
    measured.seed = { syncs: host.syncs, maxResponseBytes: host.maxResponseBytes };
  });
});

describe('reads within Excel on the web', () => {
  test('a 3,000-merge form: chunks sized by their merges pass the 512 limit; every merge is read', async () => {
    const book = await mergedForm(3000);
    expect(book.sheets[0].merges.length).toBe(3000);
    // The same sheet in one read fails as Excel documents it.
    const strict = createFakeHost(book);
    await expect(
      strict.run(async (context) => {
        const m = context.workbook.worksheets
          .getItem('Sheet1')
          .getUsedRange()
          .getMergedAreasOrNullObject();
        m.load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    const host = createFakeHost(book);
    const caps = capabilitiesOf(host);
    const progress: number[] = [];
    const merges = await host.run(async (context) => {
      const q = queueSheetMeta(context.workbook.worksheets.getItem('Sheet1'));
      await context.sync();
      const snap = await readSheetContent(context, q.ws, q.meta(), caps, {
        onProgress: (p) => progress.push(p.rows),
      });
      return snap.merges.length;
    });
    expect(merges).toBe(3000);
    expect(progress.at(-1)).toBe(3000 + 12);
    expect(MERGES_PER_READ).toBeLessThan(512);
    const gw = createFakeHost(book);
    const out = await createExcelGateway(gw).check();
    expect(out.kind).toBe('checked');
    expect(out.kind === 'checked' && out.result.summary.coverage.indicatorRows).toBe(3000);
    measured['3000-merge form'] = { syncs: gw.syncs, maxResponseBytes: gw.maxResponseBytes };
  }, 60_000);

  test('the 2,000-row form with merges: measured', async () => {
    const host = createFakeHost(await mergedForm(2000));
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.maxResponseBytes).toBeLessThan(2 * 1024 * 1024);
    measured['2000-row form with merges'] = {
      syncs: host.syncs,
      maxResponseBytes: host.maxResponseBytes,
    };
  }, 60_000);

  test.each<NonNullable<FakeOptions['refuseReads']>['as']>([
    'GeneralException',
    'Timeout',
    'nullValues',
  ])('Excel answering a large read with %s: read again smaller, the same findings', async (as) => {
    const book = await mergedForm(600);
    const plain = await createExcelGateway(createFakeHost(cloneBook(book))).check();
    const host = createFakeHost(book, { refuseReads: { over: 2000, as } });
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    if (out.kind !== 'checked' || plain.kind !== 'checked') return;
    expect(out.result.findings.map((f) => f.message)).toEqual(
      plain.result.findings.map((f) => f.message),
    );
  });

  test('a refusal that persists down to one row: a Chinese sentence, the code only in 详细信息', async () => {
    const host = createFakeHost(await seedBook(), {
      refuseReads: { over: 0, as: 'GeneralException' },
    });
    const before = cloneBook(host.book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('error');
    if (out.kind !== 'error') return;
    expect(out.message).toMatch(/^Excel 读不出工作表“部门整体支出绩效自评表”第 \d+ 行/);
    expect(out.message).not.toMatch(/GeneralException|[A-Z][a-z]+[A-Z]/);
    expect(out.detail).toContain('GeneralException');
    expect(host.book).toEqual(before);
  });

  test('a used range inflated by formatting to row 65,536 is trimmed to the values: the seed still takes 5 syncs', async () => {
    const book = await seedBook();
    for (let r = 40; r < 65536; r += 97)
      book.sheets[0].cells[`A${r}`] = { value: null, numberFormat: '0.00' };
    book.sheets[0].cells.Z65536 = {
      value: null,
      fill: { color: '#FFFF00', pattern: 'Solid', tintAndShade: 0 },
    };
    const host = createFakeHost(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(host.syncs).toBe(5);
    expect(host.maxResponseBytes).toBeLessThan(200_000);
  });

  test('a long read reports progress and can be cancelled: nothing is written', async () => {
    const book = await mergedForm(2000);
    const before = cloneBook(book);
    const host = createFakeHost(book);
    const seen: number[] = [];
    const out = await createExcelGateway(host).check('sheet', undefined, {
      onProgress: (p) => seen.push(p.rows),
      cancelled: () => seen.length >= 1,
    });
    expect(out).toEqual({ kind: 'cancelled', message: expect.stringContaining('已取消') });
    expect(seen.length).toBe(1);
    expect(host.book).toEqual(before);
  });
});

describe('a protected template (input cells unlocked)', () => {
  async function protectedBook(allowFormatCells = false): Promise<FakeBook> {
    const book = await seedBook();
    const s = book.sheets[0];
    s.protected = true;
    s.protection = { allowFormatCells };
    for (const a of ['D5', 'E5', 'D8'])
      s.cells[a] = { ...(s.cells[a] ?? { value: null }), locked: false };
    return book;
  }

  test('marks the unlocked cells, lists the rest, writes no note, and says which', async () => {
    const host = createFakeHost(await protectedBook());
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    if (out.kind !== 'checked') return;
    expect(marked(host.book)).toEqual(['D5', 'D8', 'E5']);
    expect(out.unmarked).toEqual([
      { sheet: SHEET, cells: expect.arrayContaining(['G34', 'H34', 'E8', 'I21']) },
    ]);
    expect(out.unmarked![0].cells).toHaveLength(6);
    expect(host.book.sheets[0].notes).toEqual({});
    expect(out.notices.join()).toContain('受保护，6 个单元格不能标色');
    measured['protected template'] = { syncs: host.syncs, maxResponseBytes: host.maxResponseBytes };
  });

  test('protection that allows formatting: every cell is marked', async () => {
    const host = createFakeHost(await protectedBook(true));
    const out = await createExcelGateway(host).check();
    expect(out.kind === 'checked' && out.unmarked).toBeFalsy();
    expect(marked(host.book)).toHaveLength(9);
  });

  test('修正 writes the unlocked cells and never a locked one, saying why', async () => {
    const host = createFakeHost(await protectedBook());
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const fixes = first.result.findings.flatMap((f) =>
      f.fix ? [{ sheet: SHEET, ...f.fix, seen: first.seen?.[seenKey(SHEET, f.fix.cell)] }] : [],
    );
    const locked = { E8: host.book.sheets[0].cells.E8?.value ?? null };
    const after = await gw.applyFixes(fixes);
    if (after.kind !== 'checked') throw new Error(`not checked: ${JSON.stringify(after)}`);
    expect(host.book.sheets[0].cells.D5.value).toBe(299.59);
    expect(host.book.sheets[0].cells.E8?.value ?? null).toBe(locked.E8);
    expect(
      after.skipped
        ?.filter((s) => s.why === 'locked')
        .map((s) => s.cell)
        .sort(),
    ).toEqual(['E8', 'F5', 'F8']);
    expect(after.notices.join()).toContain('被锁定，没有修正');
  });

  test('if Excel refuses a mark the model allowed, the check lists instead of failing', async () => {
    const book = await protectedBook();
    const host = createFakeHost(book);
    // Excel refusing formatting even on unlocked cells (what a probe FAIL would mean).
    const real = host.run.bind(host);
    let attempt = 0;
    host.run = (batch, o) => {
      attempt++;
      if (attempt === 1)
        for (const c of Object.values(book.sheets[0].cells)) c.locked = c.locked ?? true;
      return real(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          n++;
          // the marks' sync of the first attempt is refused
          if (attempt === 1 && n === 4)
            throw Object.assign(new Error('protected'), { code: 'AccessDenied' });
          await sync();
        };
        return batch(ctx);
      }, o);
    };
    const before = cloneBook(book);
    const out = await createExcelGateway(host).check();
    expect(out.kind).toBe('checked');
    expect(out.kind === 'checked' && out.unmarked?.[0].cells).toHaveLength(9);
    expect(marked(host.book)).toEqual(marked(before));
  });
});

describe('edits between 校验 and 修正', () => {
  test('a cell the user changed since the check is skipped and listed; the others are written', async () => {
    const host = createFakeHost(await seedBook());
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const fixes = first.result.findings.flatMap((f) =>
      f.fix ? [{ sheet: SHEET, ...f.fix, seen: first.seen![seenKey(SHEET, f.fix.cell)] }] : [],
    );
    host.book.sheets[0].cells.D5.value = 300; // the user's own correction, after the check
    const after = await gw.applyFixes(fixes);
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(host.book.sheets[0].cells.D5.value).toBe(300);
    expect(after.skipped).toEqual([{ sheet: SHEET, cell: 'D5', why: 'changed', now: 300 }]);
    expect(host.book.sheets[0].cells.D8.value).not.toBeNull();
    expect(after.notices.join()).toContain('D5 在校验之后被改过，没有修正');
  });
});

describe('导出结果 never deletes a sheet it did not make', () => {
  test('a user sheet named 校验结果 stays; the results go to 校验结果（2）, which a second export reuses', async () => {
    const book = await seedBook();
    book.sheets.push({
      name: '校验结果',
      cells: { A1: { value: '我的笔记' } },
      merges: [],
      notes: {},
    });
    const host = createFakeHost(book);
    const gw = createExcelGateway(host);
    const out = await gw.check();
    if (out.kind !== 'checked') throw new Error('not checked');
    expect(await gw.exportFindings(out.forms)).toEqual({ kind: 'done', sheet: '校验结果（2）' });
    expect(await gw.exportFindings(out.forms)).toEqual({ kind: 'done', sheet: '校验结果（2）' });
    expect(host.book.sheets.map((s) => s.name)).toEqual([SHEET, '校验结果', '校验结果（2）']);
    expect(host.book.sheets[1].cells.A1.value).toBe('我的笔记');
    expect(JSON.parse(host.book.settings[EXPORTS_KEY])).toEqual(['校验结果（2）']);
  });
});

describe('审核说明 and the profile choice, in the workbook', () => {
  test('说明 on a warning is stored in urn:selfeval:explanations:1 and shown by the next 校验; an error is refused', async () => {
    const host = createFakeHost(await seedBook());
    const gw = createExcelGateway(host);
    const first = await gw.check();
    if (first.kind !== 'checked') throw new Error('not checked');
    const warning = first.result.findings.find((f) => f.severity === 'warning')!;
    const error = first.result.findings.find((f) => f.severity === 'error')!;
    expect((await gw.explain!(SHEET, error, '不行')).kind).toBe('error');
    const after = await gw.explain!(SHEET, warning, '经财政批准调整。');
    if (after.kind !== 'checked') throw new Error('not checked');
    expect(host.book.xmlParts).toHaveLength(1);
    expect(host.book.xmlParts![0].xml).toContain(EXPLANATIONS_NAMESPACE);
    const again = after.result.findings.find(
      (f) => f.rule === warning.rule && f.cells[0] === warning.cells[0],
    )!;
    expect(again.explanation).toMatchObject({ text: '经财政批准调整。', outdated: false });
    // a fresh session (reload) reads it too
    const reread = await createExcelGateway(host).check();
    expect(
      reread.kind === 'checked' &&
        reread.result.findings.find((f) => f.explanation)?.explanation?.text,
    ).toBe('经财政批准调整。');
  });

  test('the profile picked is stored, used, and named by the result', async () => {
    const host = createFakeHost(await seedBook());
    const gw = createExcelGateway(host);
    const out = await gw.setProfile!('yunnan');
    if (out.kind !== 'checked') throw new Error('not checked');
    expect(out.storedProfile).toBe('yunnan');
    expect(out.forms[0].profile).toMatchObject({ id: 'yunnan', why: '工作簿中保存的选择' });
    expect(await gw.storedProfile!()).toBe('yunnan');
    const back = await gw.setProfile!(null);
    expect(back.kind === 'checked' && back.forms[0].profile?.id).toBe('national-2020');
  });
});
