import ExcelJS from 'exceljs';
import type { RawValue } from '../../src/engine/grid/types';
import { loadWorkbook } from '../../src/adapters/exceljs/readWorkbook';
import type { Rows } from './grid';

export interface SheetSpec {
  name: string;
  rows: Rows;
  /** Where rows[0][0] lands: "A1" by default. */
  origin?: { row: number; col: number };
  merges?: string[];
  formats?: Record<string, string>;
  formulas?: Record<string, { formula: string; result: RawValue }>;
}

/** Builds a real .xlsx with exceljs: the same bytes a user's file would be. */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    const r0 = spec.origin?.row ?? 1;
    const c0 = spec.origin?.col ?? 1;
    spec.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined)
          ws.getCell(r0 + i, c0 + j).value = v as ExcelJS.CellValue;
      }),
    );
    for (const [addr, fmt] of Object.entries(spec.formats ?? {})) ws.getCell(addr).numFmt = fmt;
    for (const [addr, f] of Object.entries(spec.formulas ?? {}))
      ws.getCell(addr).value = { formula: f.formula, result: f.result } as ExcelJS.CellValue;
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Builds the workbook and reads it back through the CLI's adapter. */
export async function roundTrip(sheets: SheetSpec[]) {
  return loadWorkbook(await buildWorkbook(sheets), 'test.xlsx');
}
