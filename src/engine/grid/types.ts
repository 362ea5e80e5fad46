/**
 * The grid snapshot: everything the engine knows about a sheet. Both adapters (exceljs for the
 * CLI, Office.js for the add-in) produce it; the engine never sees a host object.
 * Coordinates are absolute and 0-based (row 0 = sheet row 1, col 0 = column A).
 */
export type RawValue = string | number | boolean | null;

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSnapshot {
  sheetName: string;
  /** Absolute position of values[0][0]: a used range need not start at A1. */
  originRow: number;
  originCol: number;
  /** Raw values; a merged area holds its value in the top-left cell only. */
  values: RawValue[][];
  /** Number formats, parallel to values, where the host knows them ("0%", "0.00%", "General"). */
  numberFormats?: (string | null)[][];
  /** Text as displayed, parallel to values, where the host computes it (Office.js does). */
  texts?: (string | null)[][];
  /** Formulas ("=SUM(D6:D7)") parallel to values; null where the cell holds a constant. */
  formulas?: (string | null)[][];
  merges: CellRange[];
  /**
   * Present (true) when the reader dropped cells with content past its row or column limit: the
   * result must say it did not read the whole sheet.
   */
  clipped?: true;
}

export interface CellRef {
  row: number;
  col: number;
}
