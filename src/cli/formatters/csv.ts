import type { FileResult } from '../result';
import type { Formatter } from './format';
import { SUMMARY_HEADER, summaryRow } from './summaryRows';

/**
 * A cell Excel would take for a formula (=, +, -, @, or a tab or CR before one) gets a leading
 * apostrophe, so a file or sheet name cannot run anything in whoever opens the CSV. Plain
 * numbers ("-3.5") are left as numbers.
 */
export function guard(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?%?$/.test(s) ? `'${s}` : s;
}

function field(s: string): string {
  const g = guard(s);
  return /[",\r\n]/.test(g) ? `"${g.replace(/"/g, '""')}"` : g;
}

/** The start of the CSV: a UTF-8 BOM (so Excel opens the Chinese correctly) and the header. */
export function csvHead(): string {
  return `\uFEFF${SUMMARY_HEADER.map(field).join(',')}\r\n`;
}

/** One summary row, CRLF-terminated. */
export function csvRow(r: FileResult): string {
  return `${summaryRow(r).map(field).join(',')}\r\n`;
}

/** The 汇总 table as CSV, written row by row. */
export const csvFormat: Formatter = {
  name: 'csv',
  label: 'CSV 文件',
  piece: (r) => csvRow(r),
  open(sink) {
    sink.write(csvHead());
    return { add: (piece) => void sink.write(piece), end: () => undefined };
  },
};
