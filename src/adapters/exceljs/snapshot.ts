import { type CellEntry, snapshotFromCells } from '../../engine/grid/fromCells';
import ExcelJS from 'exceljs';
import { parseRangeA1 } from '../../engine/grid/address';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
// The date conversion only (formats.ts): the exceljs path never loads the zip reader.
import { isoDate } from '../xlsx/formats';

/** Forms are narrow; a stray cell far out must not make the grid enormous. */
export const MAX_COLUMNS = 256;
export const MAX_ROWS = 100_000;

/** exceljs keeps merges in a private map of Range objects; the public model rebuilds every row. */
interface MergeRange {
  model: { top: number; left: number; bottom: number; right: number };
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (internal) {
    return Object.values(internal).map(({ model: m }) => ({
      top: m.top - 1,
      left: m.left - 1,
      bottom: m.bottom - 1,
      right: m.right - 1,
    }));
  }
  return (ws.model.merges ?? [])
    .map((r) => parseRangeA1(r))
    .filter((r): r is CellRange => r !== null);
}

/**
 * A date cell as YYYY-MM-DD: exceljs's Date taken back to the serial Excel stored, and read by the
 * lean reader's one conversion, so a date reads alike through either reader.
 */
const isoDay = (d: Date): string => isoDate(d.getTime() / 86_400_000 + 25569, false);

/** A cell's value as the engine sees it: formulas by their cached result, rich text as text. */
export function rawOf(value: ExcelJS.CellValue): { raw: RawValue; formula: string | null } {
  if (value === null || value === undefined) return { raw: null, formula: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return { raw: value, formula: null };
  if (value instanceof Date) return { raw: isoDay(value), formula: null };
  if ('richText' in value)
    return { raw: value.richText.map((r) => r.text).join(''), formula: null };
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const inner = rawOf((f.result ?? null) as ExcelJS.CellValue);
    return { raw: inner.raw, formula: `=${f.formula ?? f.sharedFormula ?? ''}` };
  }
  if ('error' in value) return { raw: String(value.error), formula: null };
  if ('text' in value) return { raw: String((value as { text: unknown }).text), formula: null };
  return { raw: null, formula: null };
}

/**
 * A formula cell's reading. exceljs's `cell.value` drops a falsy cached result (0, FALSE), so the
 * result is taken from the cell's model; a follower of a shared formula gets its own translated
 * formula (`cell.formula`), not the master's address. No cached result: null (not computed).
 */
function formulaCell(cell: ExcelJS.Cell): { raw: RawValue; formula: string | null } {
  const model = (cell as unknown as { model: { result?: ExcelJS.CellValue } }).model;
  const result = model.result;
  const inner =
    result === undefined || result === null
      ? { raw: null }
      : typeof result === 'object' && !(result instanceof Date) && 'error' in result
        ? { raw: String(result.error) }
        : rawOf(result);
  const text = cell.formula as string | undefined;
  return { raw: inner.raw, formula: text ? `=${text.replace(/_xl(?:fn|ws|udf)\./g, '')}` : null };
}

/** One worksheet as a grid snapshot. Merged cells other than the top-left read as empty, as in Excel. */
export function snapshotOf(ws: ExcelJS.Worksheet): GridSnapshot {
  const entries: CellEntry[] = [];
  let clipped = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const { raw, formula } =
        cell.type === ExcelJS.ValueType.Formula ? formulaCell(cell) : rawOf(cell.value);
      if (raw === null && formula === null) return;
      if (rowNumber > MAX_ROWS || colNumber > MAX_COLUMNS) {
        clipped = true;
        return;
      }
      entries.push({ r: rowNumber - 1, c: colNumber - 1, raw, fmt: cell.numFmt ?? null, formula });
    });
  });
  const snapshot = snapshotFromCells(ws.name, entries, mergesOf(ws));
  if (clipped) snapshot.clipped = true;
  return snapshot;
}
