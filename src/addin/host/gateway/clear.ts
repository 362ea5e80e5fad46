import { excelErrorSentence } from '../../core/errors';
import type { ClearOutcome } from '../../core/gateway';
import { stateRequests } from '../../core/markPlan';
import { clearAll, clearRequests, queueOutlines } from '../outlines';
import { parseRecord, RECORD_KEY } from '../../core/marks';
import { queueMarks, queueNotes, readStates, writeRecord } from '../writeMarks';
import type { GatewayContext } from './context';

/** 清除标记: puts back every recorded cell still showing our mark, in three syncs. */
export async function clearMarks(g: GatewayContext): Promise<ClearOutcome> {
  const { caps } = g;
  try {
    return await g.host.run(
      async (context): Promise<ClearOutcome> => {
        const setting = context.workbook.settings.getItemOrNullObject(RECORD_KEY);
        setting.load('value');
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync(); // 1
        const record = setting.isNullObject ? null : parseRecord(setting.value);
        if (!record) return { kind: 'cleared', restored: 0 };
        const existing = new Set(sheets.items.map((s) => s.name));
        const requests = stateRequests([], record, existing, caps.notes);
        const states = await readStates(context, clearRequests(requests, record, existing), {
          ...caps,
          comments: false,
        }); // 2
        const { plan, outlines } = clearAll(record, states, existing);
        queueMarks(context, plan);
        queueOutlines(context, outlines);
        if (caps.notes) queueNotes(context, plan);
        writeRecord(context, plan.record, true);
        await context.sync(); // 3
        const frames = (record.outlines ?? [])
          .filter((o) => existing.has(o.sheet))
          .reduce((n, o) => n + o.areas.length, 0);
        return {
          kind: 'cleared',
          restored: plan.sheets.reduce((n, s) => n + s.restore.length, 0),
          ...(frames ? { frames } : {}),
        };
      },
      { mergeUndoGroup: caps.undoGroup },
    );
  } catch (e) {
    return { kind: 'error', message: excelErrorSentence(e) };
  }
}
