import type { CellRange, GridSnapshot, RawValue } from '../../engine/grid/types';
import type { Capabilities } from './excelHost';

/**
 * Excel on the web refuses a response over 5 MB. A cell's value, number format, text and formula
 * come back as four JSON strings; 12,000 cells stay near 1 MB even with long labels, so a used
 * range is read in row chunks of at most this many cells, one sync each.
 */
export const CELLS_PER_READ = 12_000;

/** What sync 1 learns of a sheet: its name, protection and used range, but not its cells. */
export interface SheetMeta {
  name: string;
  protected: boolean;
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
  ws.protection.load('protected');
  // getUsedRange, not …OrNullObject: on a blank sheet it is A1, so the calls chained on it are always valid.
  const used = ws.getUsedRange();
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  return {
    ws,
    // Read only through this getter, after the caller's sync (the queue-then-read pattern).
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    meta: () => ({
      name: ws.name,
      protected: ws.protection.protected,
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
): Promise<GridSnapshot> {
  let rowsPerRead = Math.max(1, Math.floor(CELLS_PER_READ / Math.max(1, meta.columnCount)));
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
    try {
      // One sync per chunk on purpose: a single response for the whole sheet can pass 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      // Cells with long text can still make a chunk too large: halve it and read again.
      if (!isTooLarge(e) || count === 1) throw e;
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
    if (areas && !areas.isNullObject) snapshot.merges.push(...areas.areas.items.map(areaBox));
    first += count;
  }
  return snapshot;
}

function isTooLarge(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { code?: unknown }).code === 'ResponsePayloadSizeLimitExceeded'
  );
}

function areaBox(a: Excel.Range): CellRange {
  return {
    top: a.rowIndex,
    left: a.columnIndex,
    bottom: a.rowIndex + a.rowCount - 1,
    right: a.columnIndex + a.columnCount - 1,
  };
}
