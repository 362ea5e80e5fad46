import type { Profile } from '../../../engine/profile/profile';
import type { EtApplication, EtWorkbook } from '../et';

/** What every operation of the WPS gateway shares: the application and the profile. */
export interface WpsContext {
  app: EtApplication;
  profile: Profile;
}

/** A refusal of our own, before WPS is asked (no workbook open, a locked cell). */
export class WpsRefusal extends Error {}

/** ET errors as one sentence for a finance officer. */
export function wpsErrorSentence(e: unknown): string {
  if (e instanceof WpsRefusal) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  if (/edit|编辑/i.test(message))
    return 'WPS 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点校验。';
  if (/protect|保护/i.test(message))
    return '工作表受保护，无法写入标记：请先撤销工作表保护（审阅 → 撤销工作表保护），或只查看任务窗格中的结果。';
  return `WPS 拒绝了本次操作（${message}），工作表未作改动。`;
}

/** One undo step where WPS offers custom undo records; ET is not documented to. */
export function inUndoStep<T>(app: EtApplication, work: () => T): T {
  const undo = app.UndoRecord;
  if (!undo) return work();
  undo.StartCustomRecord('自评表校验');
  try {
    return work();
  } finally {
    undo.EndCustomRecord();
  }
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsRefusal('没有打开的工作簿：请先在 WPS 表格中打开自评表，再点校验。');
  return wb;
}

export function sheetNames(wb: EtWorkbook): string[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(sheets.Item(i).Name);
  return out;
}
