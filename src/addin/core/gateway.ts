import type { CheckResult, Finding, Layout } from '../../engine';
import type { RawValue } from '../../engine/grid/types';
import type { ReportParagraph } from '../../engine/narrative/sentences';
import type { ReportFinding } from '../../engine/narrative/context';

/** 校验 the active sheet's forms, or every sheet's (全部工作表). */
export type CheckScope = 'sheet' | 'workbook';

/** One checked form, on its sheet. */
export type FormOutcome = CheckResult & { sheet: string };

/** A 自评报告 read in the pane (core/report.ts readReport): its name and narrative, never its bytes. */
export interface ReportInput {
  name: string;
  /** The paragraphs outside tables, numbered as readDocx numbers them. */
  paragraphs: ReportParagraph[];
  /** The document also holds a form table (only its narrative is used). */
  hasForm: boolean;
  /** The form the user chose for it: an index into the checked forms, in their order. */
  pick?: number;
}

/** What the cross-check of a 自评报告 found, against which form. */
export interface ReportOutcome {
  name: string;
  /** The form the report was checked against (null: none could be chosen). */
  sheet: string | null;
  form: string | null;
  /** The report.* findings (also in that form's findings, so they are marked and exported). */
  findings: ReportFinding[];
  /** Sentences for the pane: a form table in the document, no form to check against. */
  notes: string[];
}

/** Cells a 校验 could not mark (a protected sheet's locked cells), by sheet. */
export interface UnmarkedCells {
  sheet: string;
  cells: string[];
}

/** A fix 修正 did not write, and why (in a sentence). */
export interface SkippedFix {
  sheet: string;
  cell: string;
  /** 'changed': the cell no longer holds what the check saw; 'locked': a protected sheet's locked cell. */
  why: 'changed' | 'locked';
  /** What the cell holds now (for 'changed'). */
  now?: RawValue;
}

/** How a long 校验 reports progress and is stopped (both optional). */
export interface CheckOptions {
  onProgress?(p: { sheet: string; rows: number; of: number }): void;
  cancelled?(): boolean;
  /**
   * 在表上框出读取区域: outline the areas the check read (recorded with the marks, removed by
   * 清除标记). Absent: as the last 校验 of the workbook left it.
   */
  outline?: boolean;
}

/** The key of a cell in CheckOutcome.seen. */
export const seenKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

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
      /** Present when a 自评报告 was cross-checked with this 校验. */
      report?: ReportOutcome;
      /** What the check saw in each fix's and finding's cell and each 总分 分值 cell (seenKey). */
      seen?: Record<string, RawValue>;
      /** Cells that should have been marked and could not be (protected sheets). */
      unmarked?: UnmarkedCells[];
      /** After 修正: the fixes not written. */
      skipped?: SkippedFix[];
      /** The profile id the workbook stores (null: the automatic choice). */
      storedProfile?: string | null;
    }
  | { kind: 'not-a-form'; message: string }
  | { kind: 'cancelled'; message: string }
  | {
      kind: 'error';
      message: string;
      /** Excel's code and message, for a 详细信息 disclosure only (never in the sentence). */
      detail?: string;
    };

export type ClearOutcome =
  | {
      kind: 'cleared';
      /** Cells whose fill (and note) were put back. */
      restored: number;
      /** Frames of 在表上框出读取区域 taken away (their borders put back); absent: none. */
      frames?: number;
    }
  | { kind: 'error'; message: string };

export type ActionOutcome =
  | { kind: 'done'; /** The sheet written (导出结果). */ sheet?: string }
  | { kind: 'error'; message: string; detail?: string };

/** A value to write into one cell of one sheet. */
export interface SheetFix {
  sheet: string;
  cell: string;
  value: string;
  /** What the check saw in the cell: when given, a cell holding something else is skipped. */
  seen?: RawValue;
}

/**
 * Everything the task pane can ask of the workbook. The pane receives these functions as props
 * and never touches Office.js; the Excel implementation lives in host/, a stub in the tests.
 */
export interface Gateway {
  /** With a report, its narrative is cross-checked against the forms found and marked with them. */
  check(scope?: CheckScope, report?: ReportInput, options?: CheckOptions): Promise<CheckOutcome>;
  select(sheet: string, cell: string): Promise<ActionOutcome>;
  /** Writes the fixes' values, then checks again with the same scope (and report). */
  applyFixes(fixes: SheetFix[], scope?: CheckScope, report?: ReportInput): Promise<CheckOutcome>;
  clearMarks(): Promise<ClearOutcome>;
  /** Writes the findings of every form to a 校验结果 sheet (a new name when one it did not make exists). */
  exportFindings(forms: FormOutcome[]): Promise<ActionOutcome>;
  /** 审核说明 (RULES §7.1): stores `text` for a warning or info of `sheet`, then checks again. */
  explain?(
    sheet: string,
    finding: Finding,
    text: string,
    scope?: CheckScope,
    report?: ReportInput,
  ): Promise<CheckOutcome>;
  /** Stores the profile choice in the workbook (null: automatic), then checks again. */
  setProfile?(id: string | null, scope?: CheckScope): Promise<CheckOutcome>;
  /** The profile choice the workbook stores (null: automatic). */
  storedProfile?(): Promise<string | null>;
  /**
   * Stores a corrected reading of `sheet` in the workbook (issue 18 item 5), used by every later
   * check there and by the CLI, then checks again.
   */
  correctReading?(sheet: string, layout: Layout, scope?: CheckScope): Promise<CheckOutcome>;
  /** The gateway can outline the areas a 校验 read (CheckOptions.outline). */
  canOutline?: boolean;
}
