import type { ActionOutcome } from '../../core/gateway';
import type { EtApplication } from '../et';
import { activeWorkbook, wpsErrorSentence } from './context';

export function selectNow(app: EtApplication, sheet: string, cell: string): ActionOutcome {
  try {
    const ws = activeWorkbook(app).Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(cell).Select();
    return { kind: 'done' };
  } catch (e) {
    return { kind: 'error', message: wpsErrorSentence(e) };
  }
}
