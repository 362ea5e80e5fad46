import type { CheckResult, Finding, Fix } from '../../engine';

/** What one 校验 reports back to the pane. */
export type CheckOutcome =
  | {
      kind: 'checked';
      result: CheckResult & { sheet: string };
      /** The form was not on the active sheet; this names where it was found. */
      foundElsewhere: string | null;
      /** Cells marked on the sheet. */
      marked: number;
      /** Things the pane should say besides the findings (e.g. notes unsupported). */
      notices: string[];
    }
  | { kind: 'not-a-form'; message: string }
  | { kind: 'error'; message: string };

export type ClearOutcome = { kind: 'cleared'; restored: number } | { kind: 'error'; message: string };

export type ActionOutcome = { kind: 'done' } | { kind: 'error'; message: string };

/**
 * Everything the task pane can ask of the workbook. The pane receives these functions as props
 * and never touches Office.js; the Excel implementation lives in host/, a stub in the tests.
 */
export interface Gateway {
  check(): Promise<CheckOutcome>;
  select(sheet: string, cell: string): Promise<ActionOutcome>;
  /** Writes the fixes' values, then checks again. */
  applyFixes(sheet: string, fixes: Fix[]): Promise<CheckOutcome>;
  clearMarks(): Promise<ClearOutcome>;
  /** Writes the findings to a 校验结果 sheet. */
  exportFindings(sheet: string, findings: Finding[]): Promise<ActionOutcome>;
}
