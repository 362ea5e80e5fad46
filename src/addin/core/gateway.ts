import type { CheckResult } from '../../engine';

/** 校验 the active sheet's forms, or every sheet's (全部工作表). */
export type CheckScope = 'sheet' | 'workbook';

/** One checked form, on its sheet. */
export type FormOutcome = CheckResult & { sheet: string };

/** What one 校验 reports back to the pane. */
export type CheckOutcome =
  | {
      kind: 'checked';
      scope: CheckScope;
      /** Every form found, in sheet order (a sheet may hold several). */
      forms: FormOutcome[];
      /** All forms' findings and counts as one result (what a single-form pane shows). */
      result: FormOutcome;
      /** The form was not on the active sheet; this names where it was found. */
      foundElsewhere: string | null;
      /** Cells marked, over all sheets. */
      marked: number;
      /** Things the pane should say besides the findings (e.g. notes unsupported). */
      notices: string[];
    }
  | { kind: 'not-a-form'; message: string }
  | { kind: 'error'; message: string };

export type ClearOutcome =
  { kind: 'cleared'; restored: number } | { kind: 'error'; message: string };

export type ActionOutcome = { kind: 'done' } | { kind: 'error'; message: string };

/** A value to write into one cell of one sheet. */
export interface SheetFix {
  sheet: string;
  cell: string;
  value: string;
}

/**
 * Everything the task pane can ask of the workbook. The pane receives these functions as props
 * and never touches Office.js; the Excel implementation lives in host/, a stub in the tests.
 */
export interface Gateway {
  check(scope?: CheckScope): Promise<CheckOutcome>;
  select(sheet: string, cell: string): Promise<ActionOutcome>;
  /** Writes the fixes' values, then checks again with the same scope. */
  applyFixes(fixes: SheetFix[], scope?: CheckScope): Promise<CheckOutcome>;
  clearMarks(): Promise<ClearOutcome>;
  /** Writes the findings of every form to a 校验结果 sheet. */
  exportFindings(forms: FormOutcome[]): Promise<ActionOutcome>;
}
