import { stateRequests } from '../../core/markPlan';
import { clearAll, clearRequests, queueOutlines } from '../outlines';
import type { MarkRecord } from '../../core/marks';
import { queueMarks, readStates } from '../writeMarks';
import type { GatewayContext } from './context';

/** Puts back whatever of a refused write landed: every cell still showing this run's mark. */
export async function rollback(g: GatewayContext, record: MarkRecord): Promise<void> {
  await g.host.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const existing = new Set(sheets.items.map((s) => s.name));
    const requests = clearRequests(stateRequests([], record, existing, false), record, existing);
    const states = await readStates(context, requests, {
      ...g.caps,
      notes: false,
      comments: false,
    });
    const { plan, outlines } = clearAll(record, states, existing);
    queueMarks(context, plan);
    queueOutlines(context, outlines);
    await context.sync();
  });
}
