import type { FileResult, FileStatus, TaskResult } from '../result';
import { csvRow } from './csv';
import { jsonElement } from './json';
import { fileReport, safeRow } from './text';

/** What a run prints: the JSON array or the text report, and whether it writes a CSV. */
export interface Output {
  json: boolean;
  csv: boolean;
}

/**
 * A form's result as the run prints it, made where the file is checked (a worker): the main
 * thread then writes strings instead of taking every finding across threads and formatting it.
 */
export interface RenderedResult {
  file: string;
  status: FileStatus;
  errors: number;
  message: string | null;
  /** The JSON array's element, or the text report's section: whichever the run prints. */
  body: string;
  /** The summary table's row, safe for the terminal: the text report only. */
  row: string[] | null;
  /** The CSV line, when the run writes one. */
  csv: string | null;
}

export interface RenderedOutcome {
  results: RenderedResult[];
  copyError: string | null;
  copied?: number;
}

export function render(r: FileResult, out: Output): RenderedResult {
  return {
    file: r.file,
    status: r.status,
    errors: r.summary.errors,
    message: r.message,
    body: out.json ? jsonElement(r) : fileReport(r),
    row: out.json ? null : safeRow(r),
    csv: out.csv ? csvRow(r) : null,
  };
}

export function renderOutcome(o: TaskResult, out: Output): RenderedOutcome {
  return {
    results: o.results.map((r) => render(r, out)),
    copyError: o.copyError,
    copied: o.copied ?? 0,
  };
}
