import type { FileResult, TaskResult } from '../result';
import type { Output, RenderedOutcome, RenderedResult } from './format';
import { FORMATS } from './index';

export type { Output, RenderedOutcome, RenderedResult } from './format';

/**
 * A form's result as the run writes it, made where the file is checked (a worker): the main
 * thread then writes strings instead of taking every finding across threads and formatting it.
 */
export function render(r: FileResult, out: Output): RenderedResult {
  const checked = r.status === 'checked';
  return {
    file: r.file,
    status: r.status,
    errors: checked ? r.summary.errors : 0,
    warnings: checked ? r.summary.warnings : 0,
    infos: checked ? r.summary.infos : 0,
    verdict: r.summary.verdict,
    message: r.message,
    pieces: Object.fromEntries(out.formats.map((f) => [f, FORMATS[f].piece(r, out)])),
  };
}

export function renderOutcome(o: TaskResult, out: Output): RenderedOutcome {
  return { results: o.results.map((r) => render(r, out)), copyError: o.copyError };
}
