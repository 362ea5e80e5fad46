export type Severity = 'error' | 'warning' | 'info';

/** The part of the form a finding belongs to; the task pane groups by it. */
export type Part = 'form' | 'funds' | 'indicators' | 'total';

/** A value to write into one cell to put the finding right. */
export interface Fix {
  cell: string;
  /** As it should read: "299.59", "100.00%", "9.5". */
  value: string;
}

export interface Finding {
  /** Stable id from the catalogue, e.g. "funds.sum-mismatch". */
  rule: string;
  severity: Severity;
  part: Part;
  /** A1 addresses on the form's sheet, the one to mark first. */
  cells: string[];
  /** Chinese sentence with expected, actual and difference. */
  message: string;
  expected: string | null;
  actual: string | null;
  fix: Fix | null;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  statedTotal: string | null;
  recomputedTotal: string | null;
  grade: string | null;
}

export type CheckStatus = 'checked' | 'not-a-form';

export interface CheckResult {
  status: CheckStatus;
  sheet: string | null;
  formKind: 'department' | 'project' | null;
  /** Why it was not checked, or notes on where the form was found. */
  message: string | null;
  findings: Finding[];
  summary: Summary;
}
