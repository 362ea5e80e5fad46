import { planClear, stateRequests } from '../../core/markPlan';
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
    const states = await readStates(context, stateRequests([], record, existing, false), {
      ...g.caps,
      notes: false,
      comments: false,
    });
    queueMarks(context, planClear(record, states, existing));
    await context.sync();
  });
}
