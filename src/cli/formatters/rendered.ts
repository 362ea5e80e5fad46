import type { FileResult, TaskResult } from '../result';
import type { Formatter, Output, RenderedOutcome, RenderedResult } from './format';
import { FORMATS } from './index';

/**
 * A form's result as the run writes it, made where the file is checked (a worker): the main
 * thread then writes strings instead of taking every finding across threads and formatting it.
 */
export function render(r: FileResult, out: Output): RenderedResult {
  const checked = r.status === 'checked';
  // Formats that share a piece (the 汇总 workbook and the HTML report: the digest) make it once.
  const made = new Map<Formatter['piece'], string>();
  const pieceOf = (piece: Formatter['piece']): string => {
    let p = made.get(piece);
    if (p === undefined) made.set(piece, (p = piece(r, out)));
    return p;
  };
  return {
    file: r.file,
    status: r.status,
    errors: checked ? r.summary.errors : 0,
    warnings: checked ? r.summary.warnings : 0,
    infos: checked ? r.summary.infos : 0,
    verdict: r.summary.verdict,
    message: r.message,
    pieces: Object.fromEntries(out.formats.map((f) => [f, pieceOf(FORMATS[f].piece)])),
  };
}

export function renderOutcome(o: TaskResult, out: Output): RenderedOutcome {
  return {
    results: o.results.map((r) => render(r, out)),
    copyError: o.copyError,
    copied: o.copied ?? 0,
  };
}
