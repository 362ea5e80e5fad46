import type { FileResult } from '../checkFile';
import { SUMMARY_HEADER, summaryRow } from './summaryRows';

function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The summary table as CSV with a UTF-8 BOM and CRLF, so Excel opens the Chinese correctly. */
export function toCsv(results: FileResult[]): string {
  const lines = [SUMMARY_HEADER, ...results.map(summaryRow)].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
