import { checkSheets } from '../../src/engine/check';
import type { CheckResult, Finding } from '../../src/engine/findings/types';
import { type Rows, snapshot } from './grid';

export function checkRows(rows: Rows, opts: Parameters<typeof snapshot>[1] = {}): CheckResult {
  return checkSheets([snapshot(rows, opts)]);
}

/** Errors and warnings only: what acceptance counts. */
export function alarms(r: CheckResult): Finding[] {
  return r.findings.filter((f) => f.severity !== 'info');
}

export function byRule(r: CheckResult, rule: string): Finding[] {
  return r.findings.filter((f) => f.rule === rule);
}

/** "rule@cell" for each error and warning: compact to assert on. */
export function alarmKeys(r: CheckResult): string[] {
  return alarms(r).map((f) => `${f.rule}@${f.cells[0]}`);
}
