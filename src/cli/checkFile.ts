import type ExcelJS from 'exceljs';
import { readWorkbook, UnreadableWorkbook } from '../adapters/exceljs/readWorkbook';
import { checkSheets } from '../engine/check';
import type { Finding, Summary } from '../engine/findings/types';
import type { Profile } from '../engine/profile/profile';

export type FileStatus = 'checked' | 'not-a-form' | 'unreadable';

/** One file's result: the JSON contract's entry. */
export interface FileResult {
  file: string;
  status: FileStatus;
  sheet: string | null;
  message: string | null;
  findings: Finding[];
  summary: Summary;
}

const EMPTY: Summary = { errors: 0, warnings: 0, infos: 0, statedTotal: null, recomputedTotal: null, grade: null };

/** Reads and checks one file; never throws for a bad file, it says why instead. */
export async function checkFile(file: string, profile: Profile): Promise<{ result: FileResult; workbook: ExcelJS.Workbook | null }> {
  if (!/\.xlsx$/i.test(file)) {
    const message = /\.xls$/i.test(file) ? '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。' : '不是 .xlsx 文件，只能校验 Excel 工作簿（.xlsx）。';
    return { result: { file, status: 'unreadable', sheet: null, message, findings: [], summary: EMPTY }, workbook: null };
  }
  try {
    const { workbook, sheets } = await readWorkbook(file);
    const r = checkSheets(sheets, profile);
    return {
      result: { file, status: r.status, sheet: r.sheet, message: r.status === 'checked' ? null : r.message, findings: r.findings, summary: r.summary },
      workbook: r.status === 'checked' ? workbook : null,
    };
  } catch (e) {
    // A bug in the engine on some odd sheet must still be one sentence, not a stack trace.
    const message = e instanceof UnreadableWorkbook ? e.message : `校验时出现内部错误：${e instanceof Error ? e.message : String(e)}。请把该文件反馈给开发者。`;
    return { result: { file, status: 'unreadable', sheet: null, message, findings: [], summary: EMPTY }, workbook: null };
  }
}
