import type { CellRange, GridSnapshot, RawValue } from '../../src/engine/grid/types';
import { parseA1, parseRangeA1 } from '../../src/engine/grid/address';

export type Rows = RawValue[][];

/** A snapshot straight from rows, for engine tests that need no workbook. */
export function snapshot(
  rows: Rows,
  opts: {
    name?: string;
    merges?: string[];
    formats?: Record<string, string>;
    offsetRow?: number;
    offsetCol?: number;
  } = {},
): GridSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])),
  );
  const numberFormats = values.map((r) => r.map(() => null as string | null));
  for (const [addr, fmt] of Object.entries(opts.formats ?? {})) {
    const ref = parseA1(addr);
    if (ref) numberFormats[ref.row - (opts.offsetRow ?? 0)][ref.col - (opts.offsetCol ?? 0)] = fmt;
  }
  return {
    sheetName: opts.name ?? 'Sheet1',
    originRow: opts.offsetRow ?? 0,
    originCol: opts.offsetCol ?? 0,
    values,
    numberFormats,
    merges: (opts.merges ?? []).map((m) => parseRangeA1(m) as CellRange),
  };
}

/** Sets one cell of a rows array by its A1 address (grows the array as needed). */
export function setCell(rows: Rows, address: string, value: RawValue): Rows {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  while (rows.length <= ref.row) rows.push([]);
  const row = rows[ref.row];
  while (row.length <= ref.col) row.push(null);
  row[ref.col] = value;
  return rows;
}

export function getCell(rows: Rows, address: string): RawValue {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  return rows[ref.row]?.[ref.col] ?? null;
}
