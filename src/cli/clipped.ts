import { MAX_COLUMNS, MAX_ROWS } from '../adapters/xlsx/sheet';
import type { GridSnapshot } from '../engine/grid/types';
import type { FileResult } from './result';

/**
 * The reader keeps the first MAX_ROWS rows and MAX_COLUMNS columns (a stray cell far out must not
 * make the grid enormous): a result on a sheet that had content past them says so, since it was
 * not read whole. A result with no sheet (no form found) names every clipped sheet.
 */
export function withClipped(r: FileResult, sheets: GridSnapshot[]): FileResult {
  const clipped = sheets.filter((s) => s.clipped && (r.sheet === null || s.sheetName === r.sheet));
  if (!clipped.length) return r;
  const names = clipped.map((s) => `“${s.sheetName}”`).join('、');
  const rows = MAX_ROWS.toLocaleString('en-US');
  const note = `工作表${names}在第 ${rows} 行或第 ${MAX_COLUMNS} 列之外还有内容，只读了前 ${rows} 行、前 ${MAX_COLUMNS} 列，其外的单元格没有校验。`;
  return { ...r, message: r.message ? `${r.message}${note}` : note };
}
