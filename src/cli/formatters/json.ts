import type { Explanation } from '../../engine/explain/types';
import type { Headline } from '../../engine/narrative/headline';
import type { Fix, ProfileUsed, Reading, Severity, Summary } from '../../engine/findings/types';
import type { FileResult, FileStatus } from '../result';
import type { Formatter } from './format';
import { SCHEMA_VERSION, VERSION } from '../version';

export interface JsonFinding {
  /** The rule's stable id (docs/rules/<id>.md). */
  rule: string;
  severity: Severity;
  /** A1 addresses on the form's sheet, the one to mark first. */
  cells: string[];
  message: string;
  expected: string | null;
  actual: string | null;
  fix: Fix | null;
  /** Its 审核说明 (RULES §7.1), when the workbook holds one. */
  explanation: Explanation | null;
}

/**
 * One element of the JSON contract (the array `selfeval check --json` prints): one per form, or
 * one per file that holds no form. docs/selfeval-result.schema.json is generated from this type.
 */
export interface JsonEntry {
  /** The contract's version: raised when an element changes shape. */
  schemaVersion: typeof SCHEMA_VERSION;
  /** The selfeval version that wrote it (package.json). */
  version: string;
  file: string;
  status: FileStatus;
  sheet: string | null;
  form: string | null;
  message: string | null;
  findings: JsonFinding[];
  summary: Summary;
  profile: ProfileUsed | null;
  /** The form's kind, name, year and money as it states them; null when no form was read. */
  headline: Headline | null;
  reading?: Reading;
}

/**
 * The JSON contract's top level: an array, one element per form. Read by name by
 * scripts/gen-schema.js, which writes docs/selfeval-result.schema.json from it.
 * @public
 */
export type JsonResult = JsonEntry[];

/** One entry of the JSON contract: exactly these keys, in this order. */
export function jsonEntry(r: FileResult): JsonEntry {
  return {
    schemaVersion: SCHEMA_VERSION,
    version: VERSION,
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
    headline: r.headline ?? null,
    ...(r.reading ? { reading: r.reading } : {}),
  };
}

/** An entry as it stands inside the streamed array: indented as JSON.stringify(array, null, 2) would. */
export function jsonElement(r: FileResult): string {
  return JSON.stringify(jsonEntry(r), null, 2).replace(/^/gm, '  ');
}

/** The JSON contract on stdout, streamed element by element. */
export const jsonFormat: Formatter = {
  name: 'json',
  label: 'JSON',
  piece: (r) => jsonElement(r),
  open(sink) {
    let count = 0;
    return {
      add: async (piece) => {
        await sink.write(`${count++ === 0 ? '[\n' : ',\n'}${piece}`);
      },
      end: async () => {
        await sink.write(count === 0 ? '[]\n' : '\n]\n');
      },
    };
  },
};
