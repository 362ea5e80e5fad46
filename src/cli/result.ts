import { EMPTY_SUMMARY } from '../engine/findings/emptySummary';
import type { CheckResult, Finding, ProfileUsed, Reading, Summary } from '../engine/findings/types';
import type { Headline } from '../engine/narrative/headline';

/**
 * What a check says about a file: kept apart from the engine so the main thread starts without
 * loading it (only the workers do).
 */
export type FileStatus = 'checked' | 'not-a-form' | 'unreadable';

/** One form's result (or one file's, when it holds no form): the JSON contract's entry. */
export interface FileResult {
  file: string;
  status: FileStatus;
  sheet: string | null;
  /** The form's range when its sheet holds more than one form ("A1:J40"), else null. */
  form: string | null;
  message: string | null;
  findings: Finding[];
  summary: Summary;
  /** How the form was read (RULES §1.3); absent when no form was read. */
  reading?: Reading;
  /**
   * For a Word table, which has no A1 headers: each flagged cell's row and column labels
   * ("（2）项目支出 / 全年执行数"), shown by the text report only (not part of the JSON contract).
   */
  labels?: Record<string, string>;
  /** The profile it was checked under and why (every result names it: RULES §7.3). */
  profile?: ProfileUsed;
  /** The form's kind, name, year and money as it states them (the 汇总's columns). */
  headline?: Headline;
}

/** One engine result as the JSON contract's entry for `file` (a form's result, or "no form"). */
export function fileResult(file: string, r: CheckResult): FileResult {
  return {
    file,
    status: r.status,
    sheet: r.sheet,
    form: r.form,
    message: r.status === 'checked' ? null : r.message,
    findings: r.findings,
    summary: r.summary,
    ...(r.reading ? { reading: r.reading } : {}),
    ...(r.profile ? { profile: r.profile } : {}),
    ...(r.headline ? { headline: r.headline } : {}),
  };
}

export function failed(file: string, status: FileStatus, message: string): FileResult {
  return { file, status, sheet: null, form: null, message, findings: [], summary: EMPTY_SUMMARY };
}

export interface TaskResult {
  results: FileResult[];
  /** A sentence about the annotated copy that could not be written. */
  copyError: string | null;
  /** How many annotated copies were written for this file (the run says 已写入 only then). */
  copied?: number;
}
