import { fixWrite } from '../../../engine/fixes/write';
import type { ActionOutcome, SheetFix } from '../../core/gateway';
import type { EtApplication } from '../et';
import { activeWorkbook, inUndoStep, WpsRefusal, wpsErrorSentence } from './context';

/** 修正: writes every fix, or none when a locked cell of a protected sheet is among them. */
export function fixNow(app: EtApplication, fixes: SheetFix[]): ActionOutcome {
  try {
    const wb = activeWorkbook(app);
    const cells = fixes.map((f) => {
      const ws = wb.Worksheets.Item(f.sheet);
      const r = ws.Range(f.cell);
      // On a protected sheet only unlocked cells take a value: say which, before writing any.
      if (ws.ProtectContents && r.Locked !== false)
        throw new WpsRefusal(
          `工作表“${f.sheet}”受保护，单元格 ${f.cell} 已锁定，未写入修正：请先撤销工作表保护再修正。`,
        );
      const v = r.Value2;
      const nf = r.NumberFormat;
      return {
        f,
        r,
        w: fixWrite(f.value, { value: Array.isArray(v) ? v[0][0] : v, numberFormat: nf }),
      };
    });
    inUndoStep(app, () => {
      for (const { r, w } of cells) {
        if (w.numberFormat) r.NumberFormat = w.numberFormat;
        r.Value2 = w.value;
      }
    });
    return { kind: 'done' };
  } catch (e) {
    return { kind: 'error', message: wpsErrorSentence(e) };
  }
}
