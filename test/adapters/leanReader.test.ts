import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import { readXlsx } from '../../src/adapters/xlsx/readXlsx';
import { checkWorkbook } from '../../src/engine/check';
import type { GridSnapshot, RawValue } from '../../src/engine/grid/types';
import { FIXTURES } from '../helpers/cli';
import { buildWorkbook, type SheetSpec } from '../helpers/workbook';
import { syntheticForm } from '../../bench/synthetic';
import { workbookParts, zip } from '../helpers/zip';

const OPTIONS = { maxUnzippedBytes: 1 << 30, unzippedSentence: () => 'too big' };

/** Both readers on the same bytes: identical snapshots, identical findings (or the same refusal). */
async function same(bytes: Buffer, name: string): Promise<void> {
  let viaExceljs: unknown;
  try {
    viaExceljs = (await loadWorkbook(bytes, name)).sheets;
  } catch (e) {
    viaExceljs = { refused: (e as Error).message };
  }
  let lean: unknown;
  try {
    lean = readXlsx(bytes, name, OPTIONS);
  } catch (e) {
    lean = { refused: (e as Error).message };
  }
  if (Array.isArray(lean) && Array.isArray(viaExceljs)) exceljsQuirks(lean, viaExceljs);
  expect(lean).toEqual(viaExceljs);
  if (Array.isArray(lean))
    expect(checkWorkbook(lean)).toEqual(checkWorkbook(viaExceljs as typeof lean));
}

/**
 * What exceljs cannot give back, made equal before comparing: a boolean formula result under a
 * date format becomes a date in exceljs (serial 1 or 0), where Excel and the lean reader show TRUE.
 */
function exceljsQuirks(lean: GridSnapshot[], viaExceljs: GridSnapshot[]): void {
  lean.forEach((s, k) =>
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const other = viaExceljs[k]?.values[i];
        if (typeof v === 'boolean' && s.formulas?.[i]?.[j] && other && typeof other[j] === 'string')
          row[j] = other[j];
      }),
    ),
  );
}

const fixtures = [FIXTURES, path.join(FIXTURES, 'real')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(dir, f)),
);

describe('the lean reader and the exceljs adapter give the same snapshots', () => {
  test('there are fixtures to compare', () => expect(fixtures.length).toBeGreaterThanOrEqual(15));

  test.each(fixtures.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
    await same(readFileSync(file), file);
  });

  test('the synthetic bench form and odd values', async () => {
    await same(await buildWorkbook([{ name: 'Sheet1', rows: syntheticForm(60) }]), 'a.xlsx');
  });

  /** A seeded generator, so a failure can be replayed. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const FORMATS = [
    '0%',
    '0.00%',
    '0.00',
    '#,##0.00',
    'yyyy-mm-dd',
    'm/d/yy',
    '@',
    '"元"0.00',
    '[Red]0.00',
    'General',
    'h:mm',
  ];
  const TEXTS = [
    '项目名称',
    '合计',
    '预算数',
    '执行率',
    '得分',
    '',
    ' ',
    '100%',
    '＝',
    '<&>"\'',
    '_x000D_',
    'a\nb',
    '指标1：',
    '—',
    '≥95%',
    '=SUM(A1)',
  ];

  function fuzzedSpec(seed: number): SheetSpec[] {
    const r = rng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const sheets: SheetSpec[] = [];
    const count = 1 + Math.floor(r() * 3);
    for (let s = 0; s < count; s++) {
      const base = r() < 0.5 ? syntheticForm(5 + Math.floor(r() * 20)) : [];
      const rows: RawValue[][] = base.map((row) => [...row]);
      const height = Math.max(rows.length, 5 + Math.floor(r() * 30));
      for (let i = 0; i < height; i++) {
        rows[i] ??= [];
        for (let j = 0; j < 10; j++) {
          if (r() < 0.15) {
            const k = r();
            rows[i][j] =
              k < 0.3
                ? Math.round(r() * 1e6) / 100
                : k < 0.4
                  ? 0
                  : k < 0.5
                    ? r() < 0.5
                    : k < 0.55
                      ? -r() * 10
                      : pick(TEXTS);
          }
        }
      }
      const formats: Record<string, string> = {};
      const formulas: SheetSpec['formulas'] = {};
      const merges: string[] = [];
      for (let k = 0; k < 6; k++)
        formats[`${'ABCDEFGH'[Math.floor(r() * 8)]}${1 + Math.floor(r() * height)}`] =
          pick(FORMATS);
      for (let k = 0; k < 4; k++) {
        const result = pick<RawValue>([0, 12.5, '文字', true, null, 99.5]);
        formulas[`${'ABCDEFGH'[Math.floor(r() * 8)]}${1 + Math.floor(r() * height)}`] = {
          formula: `SUM(A1:A${k + 2})`,
          result,
        };
      }
      // Non-overlapping merges: one per band of three rows.
      for (let band = 0; band + 2 < height; band += 3) {
        if (r() < 0.4) {
          const c = Math.floor(r() * 6);
          merges.push(
            `${'ABCDEFGH'[c]}${band + 1}:${'ABCDEFGH'[c + 1 + Math.floor(r() * 2)]}${band + 1 + Math.floor(r() * 3)}`,
          );
        }
      }
      sheets.push({
        name: `表${s + 1}`,
        rows,
        formats,
        formulas,
        merges,
        origin:
          r() < 0.3 ? { row: 1 + Math.floor(r() * 5), col: 1 + Math.floor(r() * 3) } : undefined,
      });
    }
    return sheets;
  }

  test('a fuzzed corpus of 60 workbooks', async () => {
    for (let seed = 1; seed <= 60; seed++)
      await same(await buildWorkbook(fuzzedSpec(seed)), `fuzz-${seed}.xlsx`);
  }, 60_000);

  test('refusals agree: empty, text, OLE, truncated zip', async () => {
    const good = await buildWorkbook([{ name: 'S', rows: [['a', 1]] }]);
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('hello'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]),
      good.subarray(0, good.length - 30),
    ]) {
      await same(bytes, 'x.xlsx');
    }
  });

  // The reader keeps no address map while cells come in order, and builds one at the first that
  // does not: cells out of order, repeated, or without an address must read as exceljs reads them.
  test.each([
    [
      'in order',
      '<c r="A1" t="inlineStr"><is><t>合计</t></is></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c>',
    ],
    [
      'a row backwards',
      '<c r="C1"><v>2</v></c><c r="B1"><v>1</v></c><c r="A1" t="inlineStr"><is><t>合计</t></is></c>',
    ],
    ['a cell repeated', '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="A1"><v>3</v></c>'],
    [
      'cells without an address',
      '<c r="A1"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="E1"><v>4</v></c>',
    ],
  ])('cells %s', async (_what, cells) => {
    const sheet = (row: string) =>
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2"><v>9</v></c></row>${row}</sheetData></worksheet>`;
    await same(zip(workbookParts(sheet(`<row r="1">${cells}</row>`))), 'order.xlsx');
    // Rows out of order too.
    await same(
      zip(workbookParts(sheet(`<row r="1">${cells}</row><row r="3"><c r="A3"><v>5</v></c></row>`))),
      'rows.xlsx',
    );
  });
});
