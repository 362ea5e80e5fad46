import type { ActionOutcome } from '../../core/gateway';
import { type GatewayContext, refusal } from './context';

/** Jumps to a cell: its sheet activated, the cell selected. */
export async function select(
  g: GatewayContext,
  sheet: string,
  cell: string,
): Promise<ActionOutcome> {
  try {
    await g.host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
    return { kind: 'done' };
  } catch (e) {
    return refusal(e);
  }
}
