import type { Headline } from '../narrative/headline';
import type { Explanation, FindingKey } from '../explain/types';

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
  /** What ties a 审核说明 to it (RULES §7.1): set by the check, absent on notes the fix plan adds. */
  key?: FindingKey;
  /** Its 审核说明, when the workbook holds one (never on an error). */
  explanation?: Explanation;
}

/** What was read of a form (docs/rules.md §1.2): every result says it. */
export interface Coverage {
  /** 资金 rows read: the 合计 / 总额 row and each labelled part, blank or not. */
  fundRows: number;
  /** Indicator rows read: rows naming an indicator (not headers, placeholders, 不适用 rows or the total). */
  indicatorRows: number;
  /** Indicator rows whose score was recomputed from target and actual. */
  recomputed: number;
  /** Indicator rows whose score could not be recomputed (info findings say why). */
  unverifiable: number;
  /** Cells of rows inside the form that could not be placed (A1). */
  unplaced: string[];
  /** Parts of the form that were not found: "资金" / "绩效指标" / "总分". */
  missing: string[];
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  statedTotal: string | null;
  /** Null when only part of the form could be read: a grade from half a form is a wrong grade. */
  recomputedTotal: string | null;
  /** The full marks the recomputed total is out of (Σ 分值), e.g. "110". */
  fullMarks: string | null;
  grade: string | null;
  /**
   * RULES §7.2: 需修改 (an error remains), 需说明 (warnings remain unexplained), 可报送 (neither);
   * null for a partial read or no form.
   */
  verdict: Verdict | null;
  coverage: Coverage;
}

export type Verdict = '需修改' | '需说明' | '可报送';

/** One column as read: its letter, its role (the --layout names), its header, whether guessed. */
export interface ReadingColumn {
  column: string;
  role: string;
  /** The role in Chinese, as the text report prints it. */
  name: string;
  header: string;
  /** Taken through a stem of the lexicon, not a known word. */
  guessed: boolean;
}

/** How the form was read (RULES §1.3, issue 18): every result names its reading. */
export interface Reading {
  /** "auto": chosen by the checker; "corrected": given by the user (stored or --layout). */
  source: 'auto' | 'corrected';
  blocks: { part: 'funds' | 'indicators'; headerRows: number[]; columns: ReadingColumn[] }[];
  /** 资金 rows (1-based) with their labels and what each was read as. */
  fundsRows: { row: number; label: string; kind: string }[];
  /** The 总分 row (1-based), or null; the cells of its 分值 and 得分. */
  totalRow: number | null;
  totalCells: { weight: string | null; score: string } | null;
  /** The structural choices made, each with the readings not taken. */
  decisions: {
    kind: string;
    chosen: string;
    holds: number;
    fails: number;
    /** How far the failing identities were from holding (reading/identities.ts). */
    cost: string;
    tie: boolean;
    others: { says: string; holds: number; fails: number; cost: string }[];
  }[];
  /** Two readings held equally well: only what both say is reported. */
  ambiguous: boolean;
  /** One line: "读取方式：D 全年预算数，E 全年执行数，…；总分 第 24 行". */
  text: string;
}

export type CheckStatus = 'checked' | 'not-a-form';

export interface CheckResult {
  status: CheckStatus;
  sheet: string | null;
  /** The form's range ("A1:J40") when its sheet holds more than one form, else null. */
  form: string | null;
  formKind: 'department' | 'project' | null;
  /** Why it was not checked, or notes on where the form was found. */
  message: string | null;
  findings: Finding[];
  summary: Summary;
  /** How the form was read; absent when no form was found. */
  reading?: Reading;
  /** The profile the form was checked under and why it was chosen (RULES §7.3, issue 22 item 5). */
  profile?: ProfileUsed;
  /** The kind, name, year and money of the form, for a bureau's 汇总 (issue 23). */
  headline?: Headline;
}

export interface ProfileUsed {
  id: string;
  name: string;
  /** Why this one: chosen by the user, stored in the workbook, the form's family, or the default. */
  why: string;
}
