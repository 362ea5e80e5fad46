import type { FileResult } from '../checkFile';

/** The JSON contract: exactly these keys, in this order, one entry per file. */
export function toJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
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
      })),
      summary: r.summary,
    })),
    null,
    2,
  );
}
