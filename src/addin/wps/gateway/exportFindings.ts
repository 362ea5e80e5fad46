import { RESULT_HEADER, resultRows } from '../../../engine/findings/resultRows';
import type { ActionOutcome, FormOutcome } from '../../core/gateway';
import type { EtApplication } from '../et';
import { activeWorkbook, sheetNames, wpsErrorSentence } from './context';
import { RESULT_SHEET } from './readForms';

/** 导出结果: a fresh 校验结果 sheet at the end of the workbook. */
export function exportNow(app: EtApplication, forms: FormOutcome[]): ActionOutcome {
  try {
    const wb = activeWorkbook(app);
    const names = sheetNames(wb);
    if (names.includes(RESULT_SHEET)) {
      // Deleting a sheet asks the user to confirm unless alerts are off.
      const alerts = app.DisplayAlerts;
      app.DisplayAlerts = false;
      try {
        wb.Worksheets.Item(RESULT_SHEET).Delete();
      } finally {
        app.DisplayAlerts = alerts;
      }
    }
    const sheets = wb.Worksheets;
    // Before left out, After the last sheet: the result goes to the end, as in Excel.
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = RESULT_SHEET;
    const rows: string[][] = [[...RESULT_HEADER], ...resultRows(forms).map((r) => r.values)];
    const last = rows.length;
    const all = ws.Range(`A1:J${last}`);
    all.NumberFormat = '@';
    all.Value2 = rows;
    ws.Range('A1:J1').Font.Bold = true;
    ws.Activate();
    return { kind: 'done' };
  } catch (e) {
    return { kind: 'error', message: wpsErrorSentence(e) };
  }
}
