import type { ClearOutcome } from '../../core/gateway';
import { planClear, stateRequests } from '../../core/markPlan';
import type { EtApplication } from '../et';
import { readRecord, writeRecord } from '../store';
import { activeWorkbook, inUndoStep, sheetNames, wpsErrorSentence } from './context';
import { readStates, writeMarks, writeNotes } from './marks';

/** 清除标记: every recorded cell still showing our mark is put back, in one undo step. */
export function clearNow(app: EtApplication): ClearOutcome {
  try {
    const wb = activeWorkbook(app);
    const record = readRecord(wb);
    if (!record) return { kind: 'cleared', restored: 0 };
    const existing = new Set(sheetNames(wb));
    const states = readStates(wb, stateRequests([], record, existing, true));
    const plan = planClear(record, states, existing);
    inUndoStep(app, () => {
      writeMarks(wb, plan);
      writeNotes(wb, plan);
      writeRecord(wb, plan.record);
    });
    return { kind: 'cleared', restored: plan.sheets.reduce((n, s) => n + s.restore.length, 0) };
  } catch (e) {
    return { kind: 'error', message: wpsErrorSentence(e) };
  }
}
