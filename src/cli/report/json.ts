import type { FileResult } from '../checkFile';

/** One entry of the JSON contract: exactly these keys, in this order. */
export function jsonEntry(r: FileResult): unknown {
  return {
    file: r.file,
    status: r.status,
    sheet: r.sheet,
    form: r.form,
    message: r.message,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cells: f.cells,
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      fix: f.fix,
      explanation: f.explanation ?? null,
    })),
    summary: r.summary,
    profile: r.profile ?? null,
    ...(r.reading ? { reading: r.reading } : {}),
  };
}

/** An entry as it stands inside the streamed array: indented as JSON.stringify(array, null, 2) would. */
export function jsonElement(r: FileResult): string {
  return JSON.stringify(jsonEntry(r), null, 2).replace(/^/gm, '  ');
}

/** The JSON contract: an array, one entry per form. */
export function toJson(results: FileResult[]): string {
  return JSON.stringify(results.map(jsonEntry), null, 2);
}
