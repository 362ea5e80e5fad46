import { toA1 } from '../../engine/grid/address';
import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import { parseRangeA1 } from '../../engine/grid/address';
import type { OriginalFill } from '../core/marks';
import type { Capabilities } from './excelHost';

const FILL = { color: true, pattern: true, tintAndShade: true, patternColor: true, patternTintAndShade: true } as const;

/** A sheet's reads, queued; call the getters only after context.sync(). */
export interface SheetRead {
  sheetName(): string;
  snapshot(): GridSnapshot;
  /** The fill of every cell of the used range, by A1 address. */
  fillAt(address: string): OriginalFill | null;
  isProtected(): boolean;
}

/** "Sheet1!A1:I1, 'My, sheet'!B2:C3" → the ranges (a sheet name may hold commas inside quotes). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^,'!]+)!\$?([A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)) {
    const r = parseRangeA1(m[1].replace(/\$/g, ''));
    if (r) out.push(r);
  }
  return out;
}

/**
 * Queues everything the engine needs from one worksheet (values, number formats, displayed text,
 * formulas, merged areas where supported) and the current fills, to come back in one sync.
 */
export function queueSheetRead(ws: Excel.Worksheet, caps: Capabilities): SheetRead {
  ws.load('name');
  ws.protection.load('protected');
  // getUsedRange, not …OrNullObject: on a blank sheet it is A1, so the calls chained on it are always valid.
  const used = ws.getUsedRange();
  used.load(['address', 'rowIndex', 'columnIndex', 'values', 'numberFormat', 'text', 'formulas']);
  const props = used.getCellProperties({ format: { fill: FILL } });
  const merges = caps.merges ? used.getMergedAreasOrNullObject() : null;
  merges?.load('address');
  let cachedFills: Map<string, OriginalFill> | null = null;
  let cachedSnapshot: GridSnapshot | null = null;
  return {
    sheetName: () => ws.name,
    isProtected: () => ws.protection.protected,
    snapshot: (): GridSnapshot => {
      if (cachedSnapshot) return cachedSnapshot;
      const blankToNull = (v: unknown): RawValue => (v === '' || v === undefined || v === null ? null : (v as RawValue));
      cachedSnapshot = {
        sheetName: ws.name,
        originRow: used.rowIndex,
        originCol: used.columnIndex,
        values: used.values.map((row) => row.map(blankToNull)),
        numberFormats: used.numberFormat.map((row) => row.map((f) => (f ? String(f) : null))),
        texts: used.text.map((row) => row.map((t) => (t === '' ? null : t))),
        formulas: used.formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))),
        merges: merges && !merges.isNullObject ? parseAreas(merges.address) : [],
      };
      return cachedSnapshot;
    },
    fillAt: (address) => {
      if (!cachedFills) {
        cachedFills = new Map();
        props.value.forEach((row, i) =>
          row.forEach((cell, j) => {
            const f = cell.format?.fill ?? {};
            cachedFills?.set(toA1({ row: used.rowIndex + i, col: used.columnIndex + j }), {
              color: f.color ?? null,
              pattern: f.pattern ?? null,
              tintAndShade: f.tintAndShade ?? null,
              patternColor: f.patternColor ?? null,
              patternTintAndShade: f.patternTintAndShade ?? null,
            });
          }),
        );
      }
      return cachedFills.get(address) ?? null;
    },
  };
}
