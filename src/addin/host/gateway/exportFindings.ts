import { RESULT_HEADER, resultRows } from '../../../engine/findings/resultRows';
import type { ActionOutcome, FormOutcome } from '../../core/gateway';
import { type GatewayContext, refusal } from './context';

export const RESULT_SHEET = '校验结果';
/** The result sheets 导出结果 made, by name (a sheet it did not make is never replaced). */
export const EXPORTS_KEY = 'selfeval.exports';

/** 导出结果: the findings of every form on a 校验结果 sheet, one sync after the names are read. */
export async function exportFindings(
  g: GatewayContext,
  forms: FormOutcome[],
): Promise<ActionOutcome> {
  try {
    const name = await g.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const setting = context.workbook.settings.getItemOrNullObject(EXPORTS_KEY);
      setting.load('value');
      await context.sync();
      const taken = new Set(sheets.items.map((s) => s.name));
      const ours = new Set(setting.isNullObject ? [] : parseNames(setting.value));
      // Ours again: emptied and rewritten (never deleted: Worksheet.delete clears the undo
      // stack). Someone else's: left alone, a new name beside it.
      let target = RESULT_SHEET;
      for (let n = 2; taken.has(target) && !ours.has(target); n++)
        target = `${RESULT_SHEET}（${n}）`;
      const ws = taken.has(target) ? sheets.getItem(target) : sheets.add(target);
      if (taken.has(target)) ws.getUsedRange().clear();
      const rows: string[][] = [[...RESULT_HEADER], ...resultRows(forms).map((r) => r.values)];
      const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
      range.numberFormat = rows.map((r) => r.map(() => '@'));
      range.values = rows;
      ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
      ws.activate();
      ours.add(target);
      context.workbook.settings.add(EXPORTS_KEY, JSON.stringify([...ours]));
      await context.sync();
      return target;
    });
    return { kind: 'done', sheet: name };
  } catch (e) {
    return refusal(e);
  }
}

function parseNames(v: unknown): string[] {
  try {
    const a: unknown = JSON.parse(String(v));
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
