import type ExcelJS from 'exceljs';
import { readWorkbook, UnreadableWorkbook } from '../adapters/exceljs/readWorkbook';
import { checkWorkbook, EMPTY_SUMMARY } from '../engine/check';
import type { Finding, Summary } from '../engine/findings/types';
import type { Profile } from '../engine/profile/profile';

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
}

function failed(file: string, status: FileStatus, message: string): FileResult {
  return { file, status, sheet: null, form: null, message, findings: [], summary: EMPTY_SUMMARY };
}

/** Reads and checks one file: one result per form in it; never throws for a bad file, it says why instead. */
export async function checkFile(file: string, profile: Profile): Promise<{ results: FileResult[]; workbook: ExcelJS.Workbook | null }> {
  if (!/\.xlsx$/i.test(file)) {
    const message = /\.xls$/i.test(file) ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。' : '不是 .xlsx 文件，只能校验 Excel 工作簿（.xlsx）。';
    return { results: [failed(file, 'unreadable', message)], workbook: null };
  }
  try {
    const { workbook, sheets } = await readWorkbook(file);
    const results = checkWorkbook(sheets, profile).map((r): FileResult => ({
      file,
      status: r.status,
      sheet: r.sheet,
      form: r.form,
      message: r.status === 'checked' ? null : r.message,
      findings: r.findings,
      summary: r.summary,
    }));
    return { results, workbook: results.some((r) => r.status === 'checked') ? workbook : null };
  } catch (e) {
    // A bug in the engine on some odd sheet must still be one sentence, not a stack trace.
    const message = e instanceof UnreadableWorkbook ? e.message : `校验时出现内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`;
    return { results: [failed(file, 'unreadable', message)], workbook: null };
  }
}
