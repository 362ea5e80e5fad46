import ExcelJS from 'exceljs';
import { rawOf } from '../../src/adapters/exceljs/snapshot';
import type { FakeBook, FakeCell, FakeSheet } from './fakeExcel';

/** A FakeBook from a real workbook read with exceljs: values, formulas, number formats, fills, notes, merges. */
export async function fakeBookFromXlsx(bytes: Buffer | ArrayBuffer): Promise<FakeBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ExcelJS.Buffer);
  const sheets: FakeSheet[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, FakeCell> = {};
    const notes: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const { raw, formula } = rawOf(cell.value);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb =
          fill && fill.type === 'pattern' && fill.pattern !== 'none'
            ? fill.fgColor?.argb
            : undefined;
        cells[cell.address] = {
          value: raw,
          ...(formula ? { formula } : {}),
          numberFormat: cell.numFmt || 'General',
          fill: argb
            ? { color: `#${argb.slice(-6).toUpperCase()}`, pattern: 'Solid', tintAndShade: 0 }
            : null,
        };
        if (cell.note)
          notes[cell.address] =
            typeof cell.note === 'string'
              ? cell.note
              : (cell.note.texts ?? []).map((t) => t.text).join('');
      }),
    );
    sheets.push({ name: ws.name, cells, merges: [...(ws.model.merges ?? [])], notes });
  });
  return { sheets, active: sheets[0]?.name ?? '', settings: {}, selection: null };
}

/** Deep copy, so a test can compare before and after. */
export function cloneBook(book: FakeBook): FakeBook {
  return JSON.parse(JSON.stringify(book)) as FakeBook;
}
