import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import type { Capabilities } from './excelHost';

/**
 * Excel on the web refuses a response over 5 MB. A cell's value, number format, text and formula
 * come back as four JSON strings; 12,000 cells stay near 1 MB even with long labels, so a used
 * range is read in row chunks of at most this many cells, one sync each.
 */
export const CELLS_PER_READ = 12_000;

/**
 * getMergedAreasOrNullObject "will fail" over 512 merged areas in the range: a chunk is sized so
 * the areas the last chunk showed per row, times its rows, stay under this margin.
 */
export const MERGES_PER_READ = 400;

/** A read Excel kept refusing down to a single row: the sentence says where. */
export class ReadRefused extends Error {
  constructor(
    message: string,
    public detail: string,
  ) {
    super(message);
  }
}

/** The user stopped a long read (取消). */
export class ReadCancelled extends Error {
  constructor() {
    super('已取消校验：工作表未作改动。');
  }
}

/** What a long read reports, and how it is stopped. */
export interface ReadControl {
  /** Rows read so far of this sheet, of how many. */
  onProgress?(p: { sheet: string; rows: number; of: number }): void;
  /** Checked before every chunk: true stops the read (ReadCancelled). */
  cancelled?(): boolean;
}

/** What sync 1 learns of a sheet: its name, protection and used range, but not its cells. */
export interface SheetMeta {
  name: string;
  protected: boolean;
  /** The protection lets a program format any cell (Worksheet.protection.options.allowFormatCells). */
  allowFormatCells: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface QueuedMeta {
  ws: Excel.Worksheet;
  meta(): SheetMeta;
}

/** Queues the metadata of a sheet: cheap, so every sheet's can come back in the first sync. */
export function queueSheetMeta(ws: Excel.Worksheet): QueuedMeta {
  ws.load('name');
  ws.protection.load(['protected', 'options']);
  // getUsedRange, not …OrNullObject: on a blank sheet it is A1, so the calls chained on it are always valid.
  // valuesOnly: a form converted from .xls carries formatting down to row 65,536; only values matter.
  const used = ws.getUsedRange(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  return {
    ws,
    // Read only through this getter, after the caller's sync (the queue-then-read pattern).
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    meta: () => ({
      name: ws.name,
      protected: ws.protection.protected,
      allowFormatCells: ws.protection.protected && !!ws.protection.options?.allowFormatCells,
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
    }),
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  };
}

const isFormula = (f: unknown): boolean => typeof f === 'string' && f.startsWith('=');

const blankToNull = (v: unknown): RawValue =>
  v === '' || v === undefined || v === null ? null : (v as RawValue);

/**
 * Reads what the engine needs of one sheet (values, number formats, text, formulas, merged areas):
 * one sync per chunk of rows, so no response nears Excel on the web's limit. Fills are not read
 * here: only the cells about to be marked need theirs.
 */
export async function readSheetContent(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  meta: SheetMeta,
  caps: Capabilities,
  control: ReadControl = {},
): Promise<GridSnapshot> {
  const byCells = Math.max(1, Math.floor(CELLS_PER_READ / Math.max(1, meta.columnCount)));
  let rowsPerRead = byCells;
  const snapshot: GridSnapshot = {
    sheetName: meta.name,
    originRow: meta.rowIndex,
    originCol: meta.columnIndex,
    values: [],
    numberFormats: [],
    texts: [],
    formulas: [],
    merges: [],
  };
  for (let first = 0; first < meta.rowCount;) {
    if (control.cancelled?.()) throw new ReadCancelled();
    const count = Math.min(rowsPerRead, meta.rowCount - first);
    const range = ws.getRangeByIndexes(
      meta.rowIndex + first,
      meta.columnIndex,
      count,
      meta.columnCount,
    );
    range.load(['values', 'numberFormat', 'text', 'formulas']);
    // Merged areas by their geometry: the address form can name only each area's top-left cell
    // (office-js #1590), and only areas whose top-left lies in the range come back (#3611) — so
    // each chunk reports the areas that start in it.
    const areas = caps.merges ? range.getMergedAreasOrNullObject() : null;
    areas?.load('address'); // for isNullObject
    areas?.areas.load([
      'items/rowIndex',
      'items/columnIndex',
      'items/rowCount',
      'items/columnCount',
    ]);
    let refusal: unknown = null;
    try {
      // One sync per chunk on purpose: a single response for the whole sheet can pass 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      // Over 5 M cells Excel has answered with values: null instead of an error.
      if (!Array.isArray(range.values)) refusal = { code: 'NullValues', message: 'values: null' };
    } catch (e) {
      refusal = e;
    }
    if (refusal !== null) {
      // Too large (5 MB), over 512 merges, GeneralException, a timeout, null values: the same
      // rows in smaller chunks usually pass. Only a single row refused is final.
      if (!isRetryable(refusal)) throw refusal;
      if (count === 1)
        throw new ReadRefused(
          `Excel 读不出工作表“${meta.name}”第 ${meta.rowIndex + first + 1} 行的内容（一次只读一行也被拒绝）：请关闭其他工作簿后重试，或把这张表复制到新工作簿再校验。`,
          describeError(refusal),
        );
      rowsPerRead = Math.max(1, Math.floor(count / 2));
      continue;
    }
    // A formula's value is its result, as Excel computed it: an empty string, 0 or FALSE is that
    // value (RULES §1.3), never a blank cell; only constants read "" as empty.
    const formulas = range.formulas;
    snapshot.values.push(
      ...range.values.map((row, i) =>
        row.map((v, j) => (v === '' && isFormula(formulas[i]?.[j]) ? '' : blankToNull(v))),
      ),
    );
    snapshot.numberFormats?.push(
      ...range.numberFormat.map((row) => row.map((f) => (f ? String(f) : null))),
    );
    snapshot.texts?.push(...range.text.map((row) => row.map((t) => (t === '' ? null : t))));
    snapshot.formulas?.push(
      ...formulas.map((row) => row.map((f) => (isFormula(f) ? (f as string) : null))),
    );
    const found = areas && !areas.isNullObject ? areas.areas.items.map(areaBox) : [];
    snapshot.merges.push(...found);
    first += count;
    // The next chunk sized by this one's merges per row, so it stays under the 512-area limit.
    const perRow = found.length / count;
    rowsPerRead = Math.max(
      1,
      Math.min(byCells, perRow > 0 ? Math.floor(MERGES_PER_READ / perRow) : byCells),
    );
    control.onProgress?.({ sheet: meta.name, rows: first, of: meta.rowCount });
  }
  return snapshot;
}

/** Refusals that are not about size: retrying smaller cannot help. */
const FINAL =
  /InvalidOperationInCellEditMode|CellEditMode|ItemNotFound|AccessDenied|PropertyNotLoaded|InvalidArgument/;

function isRetryable(e: unknown): boolean {
  return !FINAL.test(codeOf(e));
}

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : '';
}

/** For the 详细信息 disclosure only: the code and Excel's own message. */
export function describeError(e: unknown): string {
  const message =
    typeof e === 'object' && e !== null && 'message' in e
      ? String((e as { message: unknown }).message)
      : String(e);
  return [codeOf(e), message].filter(Boolean).join(': ');
}

function areaBox(a: Excel.Range): CellRange {
  return {
    top: a.rowIndex,
    left: a.columnIndex,
    bottom: a.rowIndex + a.rowCount - 1,
    right: a.columnIndex + a.columnCount - 1,
  };
}
